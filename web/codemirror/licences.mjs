// Writes the bundle with a header naming its packages and versions, and the
// licence text of each package esbuild put in it (from its metafile).
// Usage: node licences.mjs META.json BUNDLE.tmp BUNDLE.js LICENSES.txt
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [meta, tmp, bundle, licences] = process.argv.slice(2);
const inputs = Object.keys(JSON.parse(readFileSync(meta, 'utf8')).inputs);
const packages = new Set();
for (const file of inputs) {
  const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const sorted = [...packages].sort();
let text = 'Licences of the packages bundled in codemirror.min.js (web/codemirror/build.sh).\n';
const names = [];
for (const name of sorted) {
  const dir = join('node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  names.push(`${name}@${pkg.version} (${pkg.license})`);
  const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`no licence file in ${dir}`);
  text += `\n${'='.repeat(72)}\n${name}@${pkg.version} (${pkg.license})\n${'='.repeat(72)}\n\n${readFileSync(file, 'utf8').trim()}\n`;
}
writeFileSync(licences, text);
const header = `/*! CodeMirror 6 for pcs serve, built by web/codemirror/build.sh from: ${names.join(', ')}.` +
  ` Licences: codemirror.LICENSES.txt. Includes pcs's TextMate grammar (editors/vscode, pcs project). */\n`;
writeFileSync(bundle, header + readFileSync(tmp, 'utf8'));
console.log(`bundled: ${names.join(', ')}`);
