// PostgreSQL (Debian's postgresql): starts a server of its own in a
// temporary directory, listening on a unix socket only, loads the CSV tables
// into text columns with COPY, runs the script with psql, stops the server
// and removes the directory, whatever happens.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function bin(name) {
  const root = '/usr/lib/postgresql';
  let versions = [];
  try { versions = readdirSync(root).sort((a, b) => Number(b) - Number(a)); } catch { /* none */ }
  for (const v of versions) {
    const p = path.join(root, v, 'bin', name);
    try { readFileSync(p, { flag: 'r' }); return p; } catch { /* next */ }
  }
  throw new Error(`no PostgreSQL ${name} in ${root}/*/bin (scripts/install-deps.sh installs postgresql)`);
}

// initdb refuses to run as root: then the server runs as the postgres user.
const asRoot = process.getuid && process.getuid() === 0;
const wrap = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
function sh(cmd, args, options = {}) {
  const [c, a] = wrap(cmd, args);
  const r = spawnSync(c, a, { maxBuffer: 1 << 30, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout.toString();
}

/// RFC 4180 records of psql --csv output.
function parseCsv(text) {
  const records = [];
  let field = '', record = [], quoted = false, wasQuoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') { quoted = true; wasQuoted = true; }
    else if (c === ',') { record.push(field === '' && !wasQuoted ? null : field); field = ''; wasQuoted = false; }
    else if (c === '\n') { record.push(field === '' && !wasQuoted ? null : field); records.push(record); record = []; field = ''; wasQuoted = false; }
    else field += c;
  }
  return records;
}

export async function run(dir, sql, attributes) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pcs-sql-pg-'));
  chmodSync(tmp, 0o755);
  if (asRoot) chownSync(tmp, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = path.join(tmp, 'data');
  let started = false;
  try {
    sh(bin('initdb'), ['-D', data, '-U', 'pcs', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    sh(bin('pg_ctl'), ['-D', data, '-l', path.join(tmp, 'server.log'), '-w', '-o',
      `-k ${tmp} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, 'start']);
    started = true;
    const psql = (args, input) => sh('psql', ['-h', tmp, '-U', 'pcs', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args],
      input === undefined ? {} : { input });
    let load = '';
    for (const table of ['partners', 'certifications', 'customers', 'associations', 'usage']) {
      const file = path.join(dir, `${table}.csv`);
      const header = readFileSync(file, 'utf8').split('\n', 1)[0].trim().split(',');
      const columns = [...header, ...(table === 'partners' ? attributes.filter((a) => !header.includes(a)) : [])];
      load += `CREATE TABLE ${table} (${columns.map((c) => `"${c}" text`).join(', ')});\n`;
      // COPY FROM STDIN through psql: the server never needs to read the user's files.
      load += `\\copy ${table} (${header.map((c) => `"${c}"`).join(', ')}) FROM '${file}' WITH (FORMAT csv, HEADER true)\n`;
    }
    psql([], load);
    const script = path.join(tmp, 'script.sql');
    writeFileSync(script, sql);
    chmodSync(script, 0o644);
    const t0 = Date.now();
    const out = psql(['--csv', '-f', script]);
    const seconds = (Date.now() - t0) / 1000;
    const [head, ...records] = parseCsv(out);
    const rows = records.map((r) => {
      const o = {};
      head.forEach((k, i) => { o[k] = r[i]; });
      for (const k of ['attained', 'published', 'designation_attained'])
        if (o[k] === 't' || o[k] === 'f') o[k] = o[k] === 't' ? 'true' : 'false';
      return o;
    });
    return { rows, seconds };
  } finally {
    if (started) spawnSync(...wrap(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']));
    rmSync(tmp, { recursive: true, force: true });
  }
}
