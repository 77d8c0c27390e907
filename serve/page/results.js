// Renders the results of /api/eval (pcs eval --format json), /api/plan and
// /api/diff as HTML. Only text nodes are built from the data (no innerHTML of it).
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c instanceof Node ? c : String(c));
  return e;
}

export function renderScores(r) {
  const box = el('div', { class: 'scores' }, el('p', {}, `partner ${r.partner}, program ${r.program}, as of ${r.as_of}`));
  for (const d of r.designations) {
    const sec = el('section', { class: 'designation', 'data-id': d.id },
      el('h3', {}, `${d.name}: `, el('span', { class: 'total' }, d.total), ` / ${d.max} — `,
        el('span', { class: d.attained ? 'yes' : 'no' }, d.attained ? 'attained' : 'not attained')));
    if (d.error) sec.append(el('p', { class: 'error' }, d.error));
    const table = el('table', {}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'value'), el('th', {}, 'points')));
    for (const m of d.metrics) {
      const why = el('details', {}, el('summary', {}, m.name), el('pre', {}, (m.explain || []).join('\n')));
      table.append(el('tr', {}, el('td', {}, why), el('td', {}, m.value ?? '-'), el('td', {}, `${m.points} / ${m.max}`)));
    }
    sec.append(table, el('pre', { class: 'explain' }, (d.explain || []).join('\n')));
    box.append(sec);
  }
  return box;
}

export function renderPlan(p) {
  return el('pre', { class: 'plan' }, JSON.stringify(p, null, 2));
}

export function renderDiff(v) {
  const box = el('div', { class: 'diff' }, el('p', {}, `program ${v.old_program} → ${v.new_program} on ${v.partners} partners`));
  const table = el('table', {}, el('tr', {}, el('th', {}, 'designation'), el('th', {}, 'changed'), el('th', {}, 'gain it'), el('th', {}, 'lose it')));
  for (const d of v.designations)
    table.append(el('tr', {}, el('td', {}, d.name), el('td', {}, d.changed), el('td', {}, d.gained.join(', ') || 'none'), el('td', {}, d.lost.join(', ') || 'none')));
  box.append(table);
  return box;
}

export function renderMessage(text, cls = 'error') { return el('p', { class: cls }, text); }
