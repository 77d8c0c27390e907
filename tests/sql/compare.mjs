// Proof by execution: runs the script of `pcs sql` on DuckDB or PostgreSQL
// (engines/*.mjs) over the CSV tables of a population and compares every
// partner, designation and metric with `pcs eval --partners` (JSON Lines).
// Exits 1 listing the differences.
//
//   node compare.mjs PCS RULESET [--as-of M] [--designation ID]... --population DIR [--engine duckdb|postgres]
import { execFileSync, spawnSync } from 'node:child_process';

const [pcs, ruleset, ...rest] = process.argv.slice(2);
const extra = [];  // options given to both pcs sql and pcs eval
let dir, engine = 'duckdb', part = 'scores';
const sqlOnly = [];
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] === '--population') dir = rest[i + 1];
  else if (rest[i] === '--engine') engine = rest[i + 1];
  // Self-check of this harness: an as-of month given to pcs sql only must show differences.
  else if (rest[i] === '--sql-only-as-of') sqlOnly.push('--as-of', rest[i + 1]);
  // --part awards: the badges and specializations, compared with pcs eval --explain.
  else if (rest[i] === '--part') part = rest[i + 1];
  else extra.push(rest[i], rest[i + 1]);
}

const sql = execFileSync(pcs, ['sql', ruleset, '--dialect', engine, '--part', part, ...extra, ...sqlOnly], {
  maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'],
}).toString();
const awards = part === 'awards';
// Exit 0, 1 (a designation has an error) and 5 (some partners not scored) all print results.
const evaluated = spawnSync(pcs, ['eval', ruleset, '--partners', dir, '--format', 'json', '--threads', '2',
  ...(awards ? ['--explain'] : []), ...extra], {
  maxBuffer: 1 << 30,
  stdio: ['ignore', 'pipe', 'pipe'],
});
if (![0, 1, 5].includes(evaluated.status)) {
  console.error(`pcs eval failed (exit ${evaluated.status}):\n${evaluated.stderr}`);
  process.exit(1);
}
const expected = evaluated.stdout.toString();

// The attribute columns the rules read: absent from partners.csv means absent for everyone.
const attributes = (sql.match(/^-- partner attribute columns read:(.*)$/m)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
const { run } = await import(`./engines/${engine}.mjs`);
const { rows, seconds } = await run(dir, sql, attributes);

// Decimal text as the interpreter prints it: no trailing fraction zeros.
const canon = (v) => {
  if (v === null || v === undefined) return 'null';
  let s = String(v);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s;
};
// JSON numbers are read as text, so nothing is rounded through a double.
const numberText = (line, key, after) => {
  const i = line.indexOf(`"${key}": `, after);
  const m = line.slice(i + key.length + 4).match(/^(null|-?[0-9.]+)/);
  return [m[1], i];
};

// Awards the script leaves out (a rule without SQL form): not compared, counted.
const leftOut = new Set((sql.match(/^-- awards left out[^:]*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/).filter(Boolean));
let leftOutResults = 0;
const verdict = /^(designation .* attained: (yes|no)|requirement (met|NOT met): |requirements not published: )/s;
const want = new Map();  // partner|designation|metric (awards: partner|kind|award) -> fields
const failed = new Set();
for (const line of expected.split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (r.error || !r.designations) { failed.add(r.partner); continue; }
  if (awards) {
    for (const b of r.badges ?? []) {
      if (leftOut.has(b.id)) { leftOutResults++; continue; }
      want.set(`${r.partner}|badge|${b.id}`, {
        name: b.name, designation: 'null', published: 'true', designation_attained: 'null',
        attained: b.error ? `error ${b.error}` : String(b.attained), explain: 'null',
      });
    }
    for (const sp of r.specializations ?? []) {
      if (leftOut.has(sp.id)) { leftOutResults++; continue; }
      const published = sp.passed !== null;
      want.set(`${r.partner}|specialization|${sp.id}`, {
        name: sp.name, designation: sp.designation, published: String(published),
        designation_attained: published ? String(/ attained: yes$/.test(sp.explain[0])) : 'null',
        attained: sp.error ? `error ${sp.error}` : published ? String(sp.passed) : 'null',
        // The verdict lines; --explain also traces the figures behind them, which the SQL does not give.
        explain: sp.explain.filter((l) => verdict.test(l)).join('\n'),
      });
    }
    continue;
  }
  let at = 0;
  for (const d of r.designations) {
    at = line.indexOf(`"id": ${JSON.stringify(d.id)}`, at);
    const [total] = numberText(line, 'total', at);
    const [dmax] = numberText(line, 'max', at);
    let mat = line.indexOf('"metrics": [', at);
    for (const m of d.metrics) {
      mat = line.indexOf(`"id": ${JSON.stringify(m.id)}`, mat);
      const [value] = numberText(line, 'value', mat);
      const [points] = numberText(line, 'points', mat);
      const [mmax] = numberText(line, 'max', mat);
      want.set(`${r.partner}|${d.id}|${m.id}`, {
        path: d.path ?? 'null', total, designation_max: dmax, attained: String(d.attained), category: m.category,
        value: m.error ? 'error' : value, points: m.error ? 'error' : points, metric_max: mmax,
      });
    }
    at = mat;
  }
}

const differences = [];
const seen = new Set();
const text = (v) => (v === null || v === undefined ? 'null' : String(v));
for (const row of rows) {
  const key = awards ? `${row.partner}|${row.kind}|${row.award}` : `${row.partner}|${row.designation}|${row.metric}`;
  seen.add(key);
  const w = want.get(key);
  if (!w) { differences.push(`${key}: in the SQL results only`); continue; }
  const got = awards ? {
    name: row.name, designation: text(row.designation), published: text(row.published),
    designation_attained: text(row.designation_attained), attained: text(row.attained), explain: text(row.explain),
  } : {
    path: row.path ?? 'null', total: canon(row.total), designation_max: canon(row.designation_max),
    attained: String(row.attained), category: row.category, value: canon(row.value), points: canon(row.points),
    metric_max: canon(row.metric_max),
  };
  for (const k of Object.keys(w))
    if (String(w[k]) !== String(got[k])) differences.push(`${key}: ${k} is ${got[k]} in SQL, ${w[k]} in pcs eval`);
}
for (const key of want.keys()) if (!seen.has(key)) differences.push(`${key}: in pcs eval only`);

const partners = new Set(rows.map((r) => r.partner));
console.log(`${engine}: ${ruleset} ${extra.join(' ')}: ${rows.length} rows, ${partners.size} partners scored by SQL in ${seconds.toFixed(2)} s, ` +
  `${want.size} results of pcs eval compared` + (awards ? ` (${rows.filter((r) => r.attained === 'true').length} attained or passed; ${leftOutResults} of awards left out by pcs sql not compared: ${[...leftOut].join(' ') || 'none'})` : '') +
  `, ${failed.size} partners not scored by pcs eval; ${differences.length} differences`);
for (const d of differences.slice(0, 40)) console.log('  ' + d);
if (differences.length > 40) console.log(`  ... and ${differences.length - 40} more`);
process.exit(differences.length === 0 && rows.length > 0 ? 0 : 1);
