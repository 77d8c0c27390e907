// The playground page: the file list, the editor (PcsCodeMirror, web/vendor),
// live diagnostics, the partner picker, scores, plan and diff. Edited texts
// stay in `buffers` (sent with each request, never written) until Save.
import { getJson, postJson, debounce } from '/page/api.js';
import { renderScores, renderPlan, renderDiff, renderMessage } from '/page/results.js';

const CM = window.PcsCodeMirror;
const $ = (id) => document.getElementById(id);
const state = { files: [], saved: {}, buffers: {}, current: null, tab: 'scores', dropped: null, view: null };

function unsaved() {
  const out = {};
  for (const [path, text] of Object.entries(state.buffers)) if (text !== state.saved[path]) out[path] = text;
  return out;
}

function partnerRequest() {
  if (state.dropped) return { partner_json: state.dropped.text, partner_name: state.dropped.name };
  return $('partner').value ? { partner: $('partner').value } : null;
}

function showDiagnostics(items) {
  const list = $('diagnostics');
  list.replaceChildren();
  for (const d of items) {
    const li = document.createElement('li');
    li.className = d.severity;
    li.dataset.file = d.file; li.dataset.line = d.line; li.dataset.column = d.column;
    const pre = document.createElement('pre');
    pre.textContent = d.text;
    li.append(pre);
    li.onclick = () => { if (d.file in state.saved) { open(d.file); CM.goTo(state.view, d.line, d.column); } };
    list.append(li);
  }
  CM.showDiagnostics(state.view, items.filter((d) => d.file === state.current));
  const errors = items.filter((d) => d.severity === 'error').length, warnings = items.length - errors;
  $('diagnostics-count').textContent = items.length ? `(${[errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ')})` : '(none: the rules check)';
  $('status').textContent = items.some((d) => d.severity === 'error') ? 'the rules have errors' : 'the rules check';
  $('status').className = items.some((d) => d.severity === 'error') ? 'bad' : 'good';
}

async function check() {
  const r = await postJson('/api/check', { buffers: unsaved() });
  if (r.status === 200) showDiagnostics(r.body.diagnostics);
  refresh();
}

// Each answer is shown only if no later request was made meanwhile: a slow
// score must not replace the plan the user asked for since.
let latest = 0;
function show(ticket, node) { if (ticket === latest) $('output').replaceChildren(node); }

async function refresh() {
  const ticket = ++latest;
  if (state.tab === 'diff') return runDiff(ticket);
  const partner = partnerRequest();
  if (!partner) { show(ticket, renderMessage('pick a partner, or drop a partner file', 'note')); return; }
  const tab = state.tab;
  // The planner searches and verifies plans: seconds, not milliseconds.
  if (tab === 'plan' && !$('output').querySelector('.plan')) show(ticket, renderMessage('working out the cheapest plans…', 'note'));
  const r = await postJson(tab === 'plan' ? '/api/plan' : '/api/eval', { buffers: unsaved(), ...partner });
  if (r.status !== 200 || !r.body.ok) show(ticket, renderMessage(r.body.error));
  else show(ticket, tab === 'plan' ? renderPlan(r.body.result) : renderScores(r.body.result, r.body.shown));
}

async function runDiff(ticket = ++latest) {
  show(ticket, renderMessage('comparing…', 'note'));
  const r = await postJson('/api/diff', { buffers: unsaved(), old: $('old').value, new: $('new').value });
  show(ticket, r.status === 200 && r.body.ok ? renderDiff(r.body.result, $('partner').value) : renderMessage(r.body.error));
}

function open(path) {
  state.current = path;
  CM.setText(state.view, state.buffers[path]);
  $('current').textContent = path;
  for (const li of $('files').children) li.classList.toggle('on', li.dataset.path === path);
  check();
}

const edited = debounce(check, 300);

async function save() {
  const path = state.current;
  const r = await postJson('/api/save', { path, text: state.buffers[path] });
  if (r.status === 200) { state.saved[path] = state.buffers[path]; $('save-result').textContent = `saved ${path}`; }
  else { $('save-result').textContent = r.body.error; if (r.body.diagnostics) showDiagnostics(r.body.diagnostics); }
  $('save-result').className = r.status === 200 ? 'good' : 'bad';
  markDirty();
}

function markDirty() {
  $('dirty').textContent = state.buffers[state.current] !== state.saved[state.current] ? '(edited, not saved)' : '';
}

async function start() {
  const r = await getJson('/api/files');
  const info = r.body;
  $('root').textContent = info.root;
  for (const f of info.files) { state.saved[f.path] = f.text; state.buffers[f.path] = f.text; }
  for (const f of info.files) {
    const li = document.createElement('li');
    li.textContent = f.path; li.dataset.path = f.path;
    li.onclick = () => open(f.path);
    $('files').append(li);
  }
  const none = document.createElement('option');
  none.value = ''; none.textContent = info.partners.length ? '(choose a partner)' : '(no --partners)';
  $('partner').append(none);
  for (const p of info.partners) {
    const o = document.createElement('option');
    o.value = p.id; o.textContent = `${p.name} (${p.id})`;
    $('partner').append(o);
  }
  for (const v of info.versions) for (const s of ['old', 'new']) {
    const o = document.createElement('option'); o.value = o.textContent = v; $(s).append(o);
  }
  if (info.versions.length > 1) { $('old').value = info.versions[info.versions.length - 2]; $('new').value = info.versions[info.versions.length - 1]; }
  state.view = CM.createEditor($('editor'), '', (text) => {
    if (!state.current) return;
    state.buffers[state.current] = text; markDirty(); edited();
    $('save-result').textContent = '';  // an earlier Save's answer no longer describes this text
  });
  $('partner').onchange = () => { state.dropped = null; refresh(); };
  $('save').onclick = save;
  $('run-diff').onclick = () => runDiff();
  for (const b of document.querySelectorAll('.tabs button'))
    b.onclick = () => {
      state.tab = b.dataset.tab;
      for (const x of document.querySelectorAll('.tabs button')) x.classList.toggle('on', x === b);
      $('diff-choice').style.display = state.tab === 'diff' ? '' : 'none';
      refresh();
    };
  $('diff-choice').style.display = 'none';
  const drop = $('drop');
  drop.ondragover = (e) => { e.preventDefault(); drop.classList.add('over'); };
  drop.ondragleave = () => drop.classList.remove('over');
  drop.ondrop = async (e) => {
    e.preventDefault(); drop.classList.remove('over');
    const file = e.dataTransfer.files[0];
    if (!file) return;
    state.dropped = { name: file.name, text: await file.text() };
    drop.textContent = `partner file: ${file.name}`;
    refresh();
  };
  window.pcsEditor = state.view;  // the browser test edits through it (tests/browser/serve.test.mjs)
  open(info.files[0].path);
}

start();
