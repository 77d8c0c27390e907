// pcs report: draws the page from the JSON data written by report/build_report.cpp.
// Charts are Chart.js (embedded above); this file only builds DOM and chart configs.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const meta = data.meta;
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const pct = (a, b) => (b ? (100 * a / b).toFixed(1) : '0.0') + '%';
  const program = meta.programs.map(p => p ? `${p.name} (${p.id}; source: ${p.source})` : '').join('; ');
  document.getElementById('meta').textContent =
    (meta.old_program ? `Comparing ${meta.old_program.name} (${meta.old_program.id}) with ` : 'Program: ') + program +
    ` · data as of ${meta.as_of.join(', ') || '-'} · ${meta.partners_read} partners read, ${meta.scored} scored, ` +
    `${meta.failed.length} not scored · generated ${meta.generated} by pcs ${meta.pcs}`;

  const colours = { attained: '#2e8540', below: '#9aa5b1', line: '#c0392b', zero: '#d9534f', partial: '#f0ad4e', full: '#2e8540' };
  const charts = [];

  // Per designation: attained share, histogram of totals with the minimum line, points per metric.
  const host = document.getElementById('designations');
  const cards = el('div', { class: 'cards' });
  host.appendChild(cards);
  for (const d of data.designations) {
    const card = el('div', { class: 'card', 'data-designation': d.id });
    card.appendChild(el('h3', {}, d.name));
    const fig = el('div', { class: 'figure' });
    fig.appendChild(el('span', { class: 'attained-count' }, String(d.attained)));
    fig.appendChild(document.createTextNode(` of ${d.scored} partners attained (${pct(d.attained, d.scored)})`));
    card.appendChild(fig);
    card.appendChild(el('p', { class: 'note' },
      (d.minimum !== null ? `Minimum total ${d.minimum} of ${d.max} points. ` : 'The rule sets no minimum total. ') +
      (d.most_zero ? `Among the ${d.unattained} not attained, the metric most often at 0 points: ${d.most_zero.name} (${d.most_zero.count} partners).` : '')));
    const charts2 = el('div', { class: 'charts' });
    const c1 = el('div', { class: 'chart' }), c2 = el('div', { class: 'chart' });
    const canvas1 = el('canvas', { 'aria-label': `Histogram of totals, ${d.name}` });
    const canvas2 = el('canvas', { 'aria-label': `Points per metric, ${d.name}` });
    c1.appendChild(canvas1); c2.appendChild(canvas2);
    charts2.appendChild(c1); charts2.appendChild(c2);
    card.appendChild(charts2);
    cards.appendChild(card);
    const bars = d.bins.map((n, k) => ({ x: k * d.width + d.width / 2, y: n }));
    const top = Math.max(1, ...d.bins);
    const datasets = [{
      type: 'bar', label: 'Partners', data: bars, barPercentage: 1, categoryPercentage: 1, grouped: false,
      backgroundColor: bars.map(b => (d.minimum !== null && b.x - d.width / 2 >= d.minimum) ? colours.attained : colours.below),
    }];
    if (d.minimum !== null)
      datasets.push({ type: 'line', label: `Minimum total (${d.minimum} points)`, data: [{ x: d.minimum, y: 0 }, { x: d.minimum, y: top }],
                      borderColor: colours.line, borderWidth: 2, pointRadius: 0 });
    charts.push(new Chart(canvas1, {
      data: { datasets },
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: 'Total points: partners per 10-point band' } },
        scales: { x: { type: 'linear', min: 0, max: d.bins.length * d.width, ticks: { stepSize: d.width }, title: { display: true, text: 'total points' } },
                  y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'partners' } } },
      },
    }));
    charts.push(new Chart(canvas2, {
      type: 'bar',
      data: {
        labels: d.metrics.map(m => `${m.name} (max ${m.max})`),
        datasets: [
          { label: '0 points', data: d.metrics.map(m => m.zero), backgroundColor: colours.zero },
          { label: 'some points', data: d.metrics.map(m => m.partial), backgroundColor: colours.partial },
          { label: 'full points', data: d.metrics.map(m => m.full), backgroundColor: colours.full },
        ],
      },
      options: {
        indexAxis: 'y', animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: 'Points per metric: partners at 0, some, full' },
                   tooltip: { callbacks: { afterBody: items => `mean ${d.metrics[items[0].dataIndex].mean} points` } } },
        scales: { x: { stacked: true, title: { display: true, text: 'partners' } }, y: { stacked: true } },
      },
    }));
  }

  // Two versions: gained / lost, before -> after totals, per-metric change, most affected.
  if (data.diff) {
    document.getElementById('compare').hidden = false;
    const host2 = document.getElementById('diff');
    host2.appendChild(el('p', { class: 'note' }, `Program ${data.diff.old} → ${data.diff.new} on ${data.diff.partners} partners (the comparison of pcs diff).`));
    const grid = el('div', { class: 'cards' });
    host2.appendChild(grid);
    for (const d of data.diff.designations) {
      const card = el('div', { class: 'card', 'data-diff': d.id });
      card.appendChild(el('h3', {}, d.name));
      card.appendChild(el('p', {}, `Attained by ${d.before} → ${d.after} partners; gain it: ${d.gained.length}, lose it: ${d.lost.length}; score or verdict changed for ${d.changed}.`));
      const c = el('div', { class: 'chart' });
      const canvas = el('canvas', { 'aria-label': `Totals before and after, ${d.name}` });
      c.appendChild(canvas);
      card.appendChild(c);
      charts.push(new Chart(canvas, {
        type: 'scatter',
        data: { datasets: [{ label: 'partner', data: d.points.map(p => ({ x: p[0], y: p[1] })), backgroundColor: 'rgba(11,61,99,.5)', pointRadius: 3 }] },
        options: { animation: false, maintainAspectRatio: false,
                   plugins: { title: { display: true, text: `Total points: ${data.diff.old} (x) → ${data.diff.new} (y)` } },
                   scales: { x: { min: 0, title: { display: true, text: `${data.diff.old} total` } }, y: { min: 0, title: { display: true, text: `${data.diff.new} total` } } } },
      }));
      const t = el('table');
      t.innerHTML = '<thead><tr><th>Metric</th><th>Partners changed</th><th>Points, all partners</th></tr></thead>';
      const tb = el('tbody');
      for (const m of d.metrics) {
        const tr = el('tr');
        tr.appendChild(el('td', {}, m.id)); tr.appendChild(el('td', { class: 'num' }, String(m.changed)));
        tr.appendChild(el('td', { class: 'num' }, `${m.old} → ${m.new}`));
        tb.appendChild(tr);
      }
      t.appendChild(tb);
      card.appendChild(t);
      if (d.affected.length) {
        card.appendChild(el('h4', {}, 'Most affected partners'));
        const a = el('table');
        a.innerHTML = '<thead><tr><th>Partner</th><th>Total</th><th>Attained</th><th>Why</th></tr></thead>';
        const ab = el('tbody');
        for (const p of d.affected) {
          const tr = el('tr');
          tr.appendChild(el('td', {}, p.partner));
          tr.appendChild(el('td', { class: 'num' }, `${p.old ?? '-'} → ${p.new ?? '-'} (${p.delta > 0 ? '+' : ''}${p.delta})`));
          tr.appendChild(el('td', {}, `${p.old_attained ? 'yes' : 'no'} → ${p.new_attained ? 'yes' : 'no'}`));
          tr.appendChild(el('td', {}, p.reasons.join('; ')));
          ab.appendChild(tr);
        }
        a.appendChild(ab);
        card.appendChild(a);
      }
      grid.appendChild(card);
    }
  }

  // Near misses.
  const nearBody = document.querySelector('#near tbody');
  for (const n of data.near) {
    const tr = el('tr');
    for (const [v, cls] of [[n.partner], [n.designation], [n.total, 'num'], [n.missing, 'num'], [n.zero || '-'],
                            [n.planned ? n.action : 'not planned (list cut)'], [n.cost || '-', 'num']])
      tr.appendChild(el('td', cls ? { class: cls } : {}, String(v)));
    nearBody.appendChild(tr);
  }
  document.getElementById('near-note').textContent = data.near.length === 0 ? 'No near misses.' :
    (data.near_planned < data.near.length
      ? `${data.near.length} near misses; plans computed for the first ${data.near_planned} only (pcs report --plan-limit N to change).`
      : `${data.near.length} near misses, every one planned.`);

  // Partners: a search box over ids; explanations drawn when a partner is opened.
  const list = document.getElementById('partner-list');
  const search = document.getElementById('search');
  const count = document.getElementById('search-count');
  const LIMIT = 50;
  function renderPartner(p, box) {
    for (const d of p.d) {
      const h = el('h4', {}, `${d.name}: ${d.total} / ${d.max} points${d.path ? ` (path ${d.path})` : ''} — `);
      h.appendChild(el('span', { class: d.attained ? 'yes' : 'no' }, d.attained ? 'attained' : 'not attained'));
      box.appendChild(h);
      if (d.error) box.appendChild(el('p', { class: 'no' }, d.error));
      if (d.explain.length === 0) box.appendChild(el('p', { class: 'note' }, `Explanations are in the page for the first ${data.explain_limit} partners only (pcs report --explain-limit N).`));
      box.appendChild(el('pre', { class: 'explain' }, d.explain.join('\n')));
      const t = el('table');
      t.innerHTML = '<thead><tr><th>Metric</th><th>Points</th><th>Explanation</th></tr></thead>';
      const tb = el('tbody');
      for (const m of d.m) {
        const tr = el('tr');
        tr.appendChild(el('td', {}, m.name));
        tr.appendChild(el('td', { class: 'num' }, `${m.points} / ${m.max}`));
        const td = el('td');
        td.appendChild(el('pre', { class: 'explain' }, m.explain.join('\n')));
        tr.appendChild(td);
        tb.appendChild(tr);
      }
      t.appendChild(tb);
      box.appendChild(t);
    }
  }
  function filter() {
    const q = search.value.trim().toLowerCase();
    const hits = data.partners.filter(p => p.id.toLowerCase().includes(q));
    list.textContent = '';
    for (const p of hits.slice(0, LIMIT)) {
      const det = el('details', { 'data-partner': p.id });
      const attained = p.d.filter(d => d.attained).length;
      det.appendChild(el('summary', {}, `${p.id} — as of ${p.as_of}, program ${p.program}, ${attained} of ${p.d.length} designations attained`));
      det.addEventListener('toggle', () => { if (det.open && det.children.length === 1) renderPartner(p, det); });
      list.appendChild(det);
    }
    count.textContent = hits.length > LIMIT ? ` ${hits.length} partners match; the first ${LIMIT} are shown` : ` ${hits.length} partners match`;
  }
  search.addEventListener('input', filter);
  filter();

  // Failed partners.
  const failed = document.getElementById('failed');
  if (meta.failed.length === 0) failed.appendChild(el('p', {}, 'Every partner read was scored.'));
  else {
    failed.appendChild(el('p', {}, `${meta.failed.length} partners could not be scored:`));
    const ul = el('ul');
    for (const f of meta.failed) ul.appendChild(el('li', {}, `${f.partner}: ${f.error}`));
    failed.appendChild(ul);
  }
  window.pcsReport = { data, charts };
})();
