// DuckDB in process (@duckdb/node-api): loads the CSV tables with every
// column as text, runs the script, returns its rows with values as text.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

export async function run(dir, sql, attributes) {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const table of ['partners', 'certifications', 'customers', 'associations', 'usage']) {
    const file = path.join(dir, `${table}.csv`);
    await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true)`);
  }
  // An attribute column absent from partners.csv means the attribute is absent for everyone.
  for (const a of attributes) await con.run(`ALTER TABLE partners ADD COLUMN IF NOT EXISTS ${a} VARCHAR`);
  const started = Date.now();
  const reader = await con.runAndReadAll(sql);
  const seconds = (Date.now() - started) / 1000;
  const rows = reader.getRowObjects().map((r) => {
    const out = {};
    for (const [k, v] of Object.entries(r)) out[k] = v === null || v === undefined ? null : String(v);
    return out;
  });
  return { rows, seconds };
}
