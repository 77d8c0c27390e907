// One run of the script of `pcs sql` on DuckDB over a population folder:
// loads the five CSV tables as text, runs the script, prints the row count
// and the seconds spent loading and scoring (bench/sql.sh times the whole).
//   node bench/sql-duckdb.mjs SCRIPT.sql POPULATION_DIR
import { readFileSync } from 'node:fs';
import { run } from '../tests/sql/engines/duckdb.mjs';

const [script, dir] = process.argv.slice(2);
const sql = readFileSync(script, 'utf8');
const attributes = (sql.match(/^-- partner attribute columns read:(.*)$/m)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
const t0 = Date.now();
const { rows, seconds } = await run(dir, sql, attributes);
console.log(`${rows.length} rows; load ${((Date.now() - t0) / 1000 - seconds).toFixed(2)} s, score ${seconds.toFixed(2)} s`);
