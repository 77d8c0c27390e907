// Parses Spark SQL scripts with dt-sql-parser's Spark SQL grammar (the ANTLR4
// grammar of Apache Spark's SqlBaseParser, as packaged on npm) and prints each
// syntax error as FILE:LINE:COL: message. Exit 0 when every script parses,
// 1 when one does not, 2 when a script cannot be read.
//   node check.mjs SCRIPT.sql...
import { register } from 'node:module';
import { readFileSync } from 'node:fs';

register('./directory-imports.mjs', import.meta.url);
const { SparkSQL } = await import('dt-sql-parser');

const spark = new SparkSQL();
let status = 0;
for (const file of process.argv.slice(2)) {
  let sql;
  try {
    sql = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot be read: ${e.message}`);
    process.exit(2);
  }
  const started = Date.now();
  // The grammar's own listener also prints every error to the console
  // (ANTLR's default); the errors are reported below, located, once.
  const quiet = console.error;
  console.error = () => {};
  const errors = spark.validate(sql);
  console.error = quiet;
  for (const e of errors) console.log(`${file}:${e.startLine}:${e.startColumn}: ${e.message}`);
  console.log(`${file}: ${errors.length} syntax error${errors.length === 1 ? '' : 's'} (${sql.split('\n').length} lines, ${Date.now() - started} ms)`);
  if (errors.length) status = 1;
}
process.exit(status);
