// Renders the results of /api/eval (pcs eval --format json, with `shown`:
// the figures as pcs eval prints them), /api/plan (pcs plan --format json)
// and /api/diff (pcs diff --format json) as HTML for a program manager: the
// verdict first, then the table, then why. Only text nodes are built from the
// data (no innerHTML of it).
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** A verdict pill: "attained" in green, "not attained" in red. */
function verdict(yes, yesText = 'attained', noText = 'not attained') {
  return el('span', { class: yes ? 'verdict yes' : 'verdict no' }, yes ? yesText : noText);
}

/**
 * An explanation (the evaluator's lines, indented by two spaces per level of
 * detail) as a list: requirement lines marked met / not met, the rest as the
 * calculation they are.
 */
function explanation(lines, cls = 'explain') {
  const list = el('ul', { class: cls });
  for (const line of lines || []) {
    const depth = line.length - line.trimStart().length;
    const text = line.trimStart();
    const li = el('li', { style: `margin-left: ${depth * 0.6}em` }, text);
    if (/^(requirement|prerequisite) met\b/.test(text) || /: yes$/.test(text)) li.className = 'met';
    else if (/^(requirement|prerequisite) NOT met\b/.test(text) || /: no$/.test(text)) li.className = 'unmet';
    else if (depth > 0) li.className = 'detail';
    list.append(li);
  }
  return list;
}

/** A bar of points out of the maximum. */
function meter(points, max) {
  const share = max > 0 ? Math.max(0, Math.min(1, points / max)) : 0;
  return el('span', { class: 'meter' }, el('span', { class: 'fill', style: `width: ${(share * 100).toFixed(1)}%` }));
}

function renderDesignation(d, shown) {
  const s = shown || { total: String(d.total), max: String(d.max), categories: {}, metrics: {} };
  const sec = el('section', { class: 'designation', 'data-id': d.id });
  sec.append(el('h3', {}, d.name),
    el('p', { class: 'headline' }, el('span', { class: 'total' }, s.total), ` / ${s.max} points `, verdict(d.attained),
      d.path ? el('span', { class: 'path' }, ` path: ${d.path}`) : null));
  if (d.error) sec.append(el('p', { class: 'error' }, d.error));
  const table = el('table', { class: 'metrics' },
    el('tr', {}, el('th', {}, 'metric'), el('th', { class: 'num' }, 'value'), el('th', { class: 'num' }, 'points'), el('th', {}, '')));
  const categories = d.categories && d.categories.length ? d.categories : [{ id: null, name: '' }];
  for (const c of categories) {
    if (c.id) {
      const cs = s.categories[c.id] || { points: c.points, max: c.max };
      table.append(el('tr', { class: 'category' }, el('td', { colspan: 2 }, c.name), el('td', { class: 'num' }, `${cs.points} / ${cs.max}`),
        el('td', {}, meter(c.points, c.max))));
    }
    for (const m of d.metrics) {
      if (c.id && m.category !== c.id) continue;
      const ms = s.metrics[m.id] || { value: m.value ?? 'not scorable', points: m.points, max: m.max };
      // The explanation opens in a row of its own below, the full width of the table.
      const why = el('tr', { class: 'why-row', hidden: '' }, el('td', { colspan: 4 }, explanation(m.explain)));
      const toggle = el('button', { class: 'toggle', title: 'how the value and points were computed' }, m.name);
      toggle.onclick = () => { why.hidden = !why.hidden; toggle.classList.toggle('open', !why.hidden); };
      table.append(el('tr', { class: m.points > 0 ? 'metric' : 'metric zero', 'data-id': m.id },
        el('td', {}, toggle, m.error ? el('p', { class: 'error' }, m.error) : null), el('td', { class: 'num value' }, ms.value),
        el('td', { class: 'num points' }, `${ms.points} / ${ms.max}`), el('td', {}, meter(m.points, m.max))), why);
    }
  }
  sec.append(table);
  const rule = el('details', { class: 'why rule' }, el('summary', {}, d.attained ? 'Why it is attained' : 'Why it is not attained'),
    explanation(d.explain));
  if (!d.attained) rule.open = true;
  sec.append(rule);
  return sec;
}

export function renderScores(r, shown = {}) {
  const box = el('div', { class: 'scores' },
    el('p', { class: 'context' }, `Partner ${r.partner} · program ${r.program} · as of ${r.as_of}`),
    el('p', { class: 'note' }, 'Open a metric to see how its value and points were computed.'));
  for (const d of r.designations) box.append(renderDesignation(d, shown[d.id]));
  if (r.badges && r.badges.length) {
    const list = el('ul', { class: 'plain' });
    for (const b of r.badges) list.append(el('li', {}, `${b.name}: `, verdict(b.attained), b.error ? ` (${b.error})` : null));
    box.append(el('h3', {}, 'Badges'), list);
  }
  if (r.specializations && r.specializations.length) {
    const list = el('ul', { class: 'plain' });
    for (const s of r.specializations) {
      const status = s.passed === null ? el('span', { class: 'verdict none' }, s.status || 'not published') : verdict(s.passed, 'passed', 'not passed');
      list.append(el('li', { 'data-id': s.id }, el('details', { class: 'why' }, el('summary', {}, `${s.name} `, status), explanation(s.explain))));
    }
    box.append(el('h3', {}, 'Specializations'), list);
  }
  return box;
}

/**
 * A JSON number (an exact decimal as the planner wrote it) cut to `places`
 * decimals as text: String() of a number parsed from a short decimal gives
 * that decimal back, so no binary rounding shows.
 */
function cut(n, places = 1) {
  const [whole, frac = ''] = String(n).split('.');
  const kept = frac.slice(0, places).replace(/0+$/, '');
  return kept ? `${whole}.${kept}` : whole;
}

export function renderPlan(p) {
  const unit = p.cost_unit || '';
  const box = el('div', { class: 'plan' },
    el('p', { class: 'context' }, `Plan for ${p.partner} · program ${p.program} · as of ${p.as_of}`),
    el('p', { class: 'note' }, `The cheapest actions that attain each designation not yet attained (costs in ${unit}), checked by scoring the partner again with them.`));
  for (const d of p.designations) {
    const sec = el('section', { class: 'designation', 'data-id': d.id }, el('h3', {}, d.name));
    sec.append(el('p', { class: 'headline' }, 'now ', el('span', { class: 'total' }, cut(d.before.total, 2)), ` / ${cut(d.before.max, 2)} points `,
      verdict(d.before.attained), d.before.path ? el('span', { class: 'path' }, ` path: ${d.before.path}`) : null));
    if (d.before.attained) {
      sec.append(el('p', { class: 'good' }, 'Already attained: nothing to do.'));
    } else if (d.plan) {
      const steps = el('ol', { class: 'steps' });
      for (const a of d.plan.actions)
        steps.append(el('li', {}, el('span', { class: 'action' }, a.description),
          el('span', { class: 'gain' }, `+${cut(a.points, 2)} points`, ` · ${cut(a.cost)} ${unit}`, ` · ${a.metric}`)));
      sec.append(steps,
        el('p', { class: 'sum' }, `In all: +${cut(d.plan.points, 2)} points for ${cut(d.plan.total_cost)} ${unit}.`),
        el('p', { class: 'after' }, `After these steps: ${cut(d.plan.after.total, 2)} / ${cut(d.plan.after.max, 2)} points `,
          verdict(d.plan.after.attained), d.plan.verified ? ' (verified by scoring again)' : ' (not verified)'));
    }
    if (d.unreachable && d.unreachable.length) {
      sec.append(el('p', { class: 'bad' }, d.plan ? 'Some metrics cannot be raised:' : 'No plan attains it:'));
      const why = el('ul', { class: 'unreachable' });
      for (const u of d.unreachable) why.append(el('li', {}, u));
      sec.append(why);
    }
    box.append(sec);
  }
  return box;
}

export function renderDiff(v, partner = null) {
  const box = el('div', { class: 'diff' },
    el('p', { class: 'context' }, `program ${v.old_program} → ${v.new_program} on ${v.partners} partners`),
    el('p', { class: 'note' }, v.changed ? 'What the new version changes for the population, with the edits not yet saved.'
      : 'The two versions score every partner the same.'));
  for (const d of v.designations) {
    const sec = el('section', { class: 'designation', 'data-id': d.id }, el('h3', {}, d.name));
    if (!d.in_old || !d.in_new) {
      sec.append(el('p', { class: 'note' }, d.in_new ? `new in ${v.new_program}` : `not in ${v.new_program}`));
      box.append(sec);
      continue;
    }
    sec.append(el('p', { class: 'changed' }, `${d.changed} of ${v.partners} partners change score or verdict`),
      el('p', {}, 'gain it: ', el('span', { class: 'gained' }, d.gained.join(', ') || 'none'),
        ' · lose it: ', el('span', { class: 'lost' }, d.lost.join(', ') || 'none')));
    const moved = d.metrics.filter((m) => m.changed > 0);
    if (moved.length) {
      const table = el('table', { class: 'metrics' }, el('tr', {}, el('th', {}, 'metric'), el('th', { class: 'num' }, 'partners changed'),
        el('th', { class: 'num' }, 'points, all partners')));
      for (const m of moved)
        table.append(el('tr', { 'data-id': m.id }, el('td', {}, m.id), el('td', { class: 'num' }, m.changed),
          el('td', { class: 'num' }, `${cut(m.old_points, 2)} → ${cut(m.new_points, 2)}`)));
      sec.append(table);
    }
    if (d.most_affected && d.most_affected.length) {
      const list = el('ul', { class: 'affected' });
      for (const a of d.most_affected) {
        const delta = a.new_total - a.old_total;
        const li = el('li', { 'data-partner': a.partner }, el('strong', {}, a.partner),
          ` ${cut(a.old_total, 2)} → ${cut(a.new_total, 2)} points`,
          a.old_attained !== a.new_attained ? el('span', { class: a.new_attained ? 'good' : 'bad' }, a.new_attained ? ' (now attained)' : ' (no longer attained)') : null,
          el('span', { class: 'note' }, `: ${a.reasons.join('; ')}`));
        if (a.partner === partner) li.classList.add('picked');
        if (delta === 0) li.classList.add('same');
        list.append(li);
      }
      sec.append(el('p', {}, 'most affected:'), list);
    }
    box.append(sec);
  }
  return box;
}

export function renderMessage(text, cls = 'error') { return el('p', { class: cls }, text); }
