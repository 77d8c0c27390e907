// pcs serve in headless Chromium, as a program manager uses it: type a broken
// rule and see the diagnostic at its line, see Save refuse it, fix it, change
// a score and see the total change, pick another partner, show the plan and
// the version diff, Save, then drop a partner file on the page. Every
// expected figure comes from the CLI (`pcs check`, `pcs eval`, `pcs plan`,
// `pcs diff`) run on a second copy of the rules with the same edit on disk. Then the HTTP side: bad requests
// get a 4xx with a message and the server survives them; another Host is
// refused; another address needs --host and is announced.
// The test starts and stops `pcs serve` (on copies of rulesets/) itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, artefactDir } from './chromium.mjs';

const BIN = process.env.PCS_BIN;
const SOURCE = process.env.PCS_SOURCE_DIR;
const PARTNERS = join(SOURCE ?? '', 'examples/partners');
const FILE = '2023-06/infrastructure.pcs';
const BROKEN = 'let broken = = 3';

/** Starts pcs serve with `args` in `cwd`; resolves with the process, its URL and its stderr so far. */
function startServer(args, cwd) {
  const server = spawn(BIN, ['serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const started = new Promise((resolve, reject) => {
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error(`pcs serve did not start: ${err}`)), 20000);
    // Started: the URL on stdout and, on stderr, where it listens (two pipes, either first).
    const ready = () => {
      const m = out.match(/is at (http:\/\/[^ ]+:\d+\/)/);
      if (m && /pcs serve: listening on .*\n/.test(err)) { clearTimeout(timer); resolve({ url: m[1], stderr: () => err }); }
    };
    server.stderr.on('data', (d) => { err += d; ready(); });
    server.stdout.on('data', (d) => { out += d; ready(); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`pcs serve exited with ${code}: ${err}`)); });
  });
  return { server, started };
}

/** Stops a server started here and waits for it to exit. */
async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** Runs the pcs CLI in `cwd`; its stdout parsed as JSON (it may exit non-zero, e.g. check finding errors). */
function pcsJson(args, cwd) {
  try {
    return JSON.parse(execFileSync(BIN, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    if (e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

/** One HTTP request with any headers (fetch may not set Host); resolves {status, body}. */
function http(url, { method = 'GET', headers = {}, body = '' } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Expects the page's scores of one partner to be those of `pcs eval` on the same rules. */
async function assertScores(page, expected) {
  await page.waitForFunction((p) => document.querySelector('.scores .context')?.textContent.startsWith(`Partner ${p} `), expected.partner);
  for (const d of expected.designations) {
    const sec = page.locator(`.scores .designation[data-id="${d.id}"]`);
    assert.equal(await sec.locator('.total').textContent(), String(d.total), `${expected.partner} ${d.id} total`);
    assert.equal(await sec.locator('.verdict').first().textContent(), d.attained ? 'attained' : 'not attained', `${expected.partner} ${d.id} verdict`);
    for (const m of d.metrics)
      assert.equal(await sec.locator(`tr[data-id="${m.id}"] td.points`).textContent(), `${m.points} / ${m.max}`, `${d.id} ${m.id} points`);
  }
}

test('the playground: diagnostics as you type, Save refused, scores, another partner, plan, diff, Save', async () => {
  assert.ok(BIN && SOURCE, 'PCS_BIN and PCS_SOURCE_DIR are set by CTest');
  const dir = mkdtempSync(join(tmpdir(), 'pcs-serve-browser-'));
  const artefacts = artefactDir();
  mkdirSync(artefacts, { recursive: true });
  // `served` is what pcs serve edits; `expected` gets the same edits on disk for the CLI.
  cpSync(join(SOURCE, 'rulesets'), join(dir, 'served'), { recursive: true });
  cpSync(join(SOURCE, 'rulesets'), join(dir, 'expected'), { recursive: true });
  const onDisk = readFileSync(join(dir, 'served', FILE), 'utf8');
  const { server, started } = startServer(['served', '--partners', PARTNERS, '--port', '0'], dir);
  let browser = null;
  try {
    const { url } = await started;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(url);
    await page.click(`#files li[data-path="${FILE}"]`);
    await page.waitForFunction((f) => document.getElementById('current').textContent === f, FILE);
    // Highlighting from the editor extension's TextMate grammar.
    await page.locator('.cm-content .tok-keyword', { hasText: 'designation' }).first().waitFor();

    // A partner: the scores of pcs eval.
    const fabrikam = join(PARTNERS, 'all-three.json');
    const before = pcsJson(['eval', 'expected', fabrikam, '--format', 'json'], dir);
    await page.selectOption('#partner', 'fabrikam');
    await assertScores(page, before);

    // Type a broken rule on a new last line: the diagnostic of pcs check, at that line.
    writeFileSync(join(dir, 'expected', FILE), (onDisk.endsWith('\n') ? onDisk : onDisk + '\n') + BROKEN);
    const checked = pcsJson(['check', 'expected', '--format', 'json'], dir).filter((d) => d.severity === 'error');
    assert.equal(checked.length, 1);
    const want = checked[0];
    const brokenLine = onDisk.split('\n').length + (onDisk.endsWith('\n') ? 0 : 1);
    assert.equal(want.line, brokenLine);
    assert.equal(want.file, `expected/${FILE}`);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    if (!onDisk.endsWith('\n')) await page.keyboard.press('Enter');
    await page.keyboard.type(BROKEN);
    const item = page.locator(`#diagnostics li.error[data-file="${FILE}"]`);
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-line'), String(want.line));
    assert.equal(await item.getAttribute('data-column'), String(want.column));
    const shown = await item.textContent();
    assert.ok(shown.startsWith(`served/${FILE}:${want.line}:${want.column}: error[${want.code}]: ${want.message}`), shown);
    assert.match(shown, new RegExp(`\\n +${want.line} \\| ${BROKEN}\\n +\\| {${want.column}}\\^`));
    assert.equal(await page.locator('#diagnostics-count').textContent(), '(1 error)');
    // The editor marks the line in its gutter; nothing is scored.
    await page.locator('.cm-lint-marker-error').first().waitFor();
    await page.locator('#output p.error', { hasText: 'nothing was scored' }).waitFor();
    await page.screenshot({ path: join(artefacts, 'serve-diagnostic.png') });
    assert.equal(readFileSync(join(dir, 'served', FILE), 'utf8'), onDisk, 'typing never writes the file');

    // Save refuses a file that does not check: the disk is unchanged.
    await page.click('#save');
    await page.locator('#save-result.bad', { hasText: 'was not saved' }).waitFor();
    assert.equal(readFileSync(join(dir, 'served', FILE), 'utf8'), onDisk);

    // Fix it: the diagnostic goes, the scores come back unchanged.
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    for (let i = 0; i < BROKEN.length; i++) await page.keyboard.press('Backspace');
    await page.locator('#diagnostics-count', { hasText: '(none: the rules check)' }).waitFor();
    await assertScores(page, before);

    // Halve the points per person of the first metric scored per person, by
    // double-clicking its number and typing: the total changes as pcs eval says.
    const lines = onDisk.split('\n');
    const target = lines.findIndex((l) => /^\s*score 4 points per person/.test(l));
    assert.ok(target >= 0, `${FILE} scores 4 points per person`);
    lines[target] = lines[target].replace('score 4', 'score 2');
    const edited = lines.join('\n');
    writeFileSync(join(dir, 'expected', FILE), edited);
    const after = pcsJson(['eval', 'expected', fabrikam, '--format', 'json'], dir);
    const total = (r) => r.designations.find((d) => d.id === 'infrastructure').total;
    assert.notEqual(total(after), total(before), 'the edit changes the infrastructure total');
    await page.locator('.cm-line').nth(target).locator('.tok-number', { hasText: '4' }).dblclick();
    await page.keyboard.type('2');
    assert.equal(await page.evaluate(() => window.pcsEditor.state.doc.toString()), edited);
    await page.waitForFunction((t) => document.querySelector('.designation[data-id="infrastructure"] .total')?.textContent === t, String(total(after)));
    await assertScores(page, after);
    const metric = page.locator('.designation[data-id="infrastructure"] tr[data-id="intermediate_certs"]');
    await metric.locator('button.toggle').click();
    const explained = after.designations.find((d) => d.id === 'infrastructure').metrics.find((m) => m.id === 'intermediate_certs').explain;
    assert.deepEqual(await page.locator('.designation[data-id="infrastructure"] tr.why-row:visible li').allTextContents(),
      explained.map((line) => line.trimStart()), 'the explanation of pcs eval');
    await page.screenshot({ path: join(artefacts, 'serve-scores.png') });
    assert.match(await page.locator('#dirty').textContent(), /edited, not saved/);

    // Another partner, scored with the unsaved edit.
    const southridge = pcsJson(['eval', 'expected', join(PARTNERS, 'credits-and-churn.json'), '--format', 'json'], dir);
    await page.selectOption('#partner', 'southridge');
    await assertScores(page, southridge);

    // The plan: pcs plan's steps, numbered, in words.
    const plan = pcsJson(['plan', 'expected', join(PARTNERS, 'credits-and-churn.json'), '--format', 'json'], dir);
    await page.click('.tabs button[data-tab="plan"]');
    await page.locator('div.plan .context', { hasText: 'Plan for southridge' }).waitFor({ timeout: 60000 });
    let steps = 0;
    for (const d of plan.designations) {
      const sec = page.locator(`div.plan .designation[data-id="${d.id}"]`);
      assert.equal(await sec.locator('.headline .total').textContent(), String(d.before.total));
      if (!d.plan) continue;
      assert.deepEqual(await sec.locator('ol.steps .action').allTextContents(), d.plan.actions.map((a) => a.description));
      assert.match(await sec.locator('.after').textContent(), new RegExp(`^After these steps: ${d.plan.after.total} / ${d.plan.after.max} points`));
      steps += d.plan.actions.length;
    }
    assert.ok(steps > 0, 'southridge has plans with steps');
    await page.screenshot({ path: join(artefacts, 'serve-plan.png') });

    // The diff of the last two versions on the population, with the unsaved edit in 2023-06.
    const diff = pcsJson(['diff', 'expected/2023-06', 'expected/2025-01', '--partners', PARTNERS, '--format', 'json'], dir);
    const unedited = pcsJson(['diff', join(SOURCE, 'rulesets/2023-06'), join(SOURCE, 'rulesets/2025-01'), '--partners', PARTNERS, '--format', 'json'], dir);
    assert.notDeepEqual(diff.designations.find((d) => d.id === 'infrastructure'), unedited.designations.find((d) => d.id === 'infrastructure'),
      'the edit changes the diff, so the page must show the unsaved text');
    await page.click('.tabs button[data-tab="diff"]');
    await page.locator('.diff .context', { hasText: `program 2023-06 → 2025-01 on ${diff.partners} partners` }).waitFor();
    for (const d of diff.designations) {
      const sec = page.locator(`.diff .designation[data-id="${d.id}"]`);
      assert.equal(await sec.locator('.changed').textContent(), `${d.changed} of ${diff.partners} partners change score or verdict`);
      assert.equal(await sec.locator('.gained').textContent(), d.gained.join(', ') || 'none', `${d.id} gained`);
      assert.equal(await sec.locator('.lost').textContent(), d.lost.join(', ') || 'none', `${d.id} lost`);
      assert.deepEqual(await sec.locator('.affected li').evaluateAll((li) => li.map((x) => x.dataset.partner)),
        d.most_affected.map((a) => a.partner), `${d.id} most affected`);
    }
    await page.screenshot({ path: join(artefacts, 'serve-diff.png') });
    assert.equal(readFileSync(join(dir, 'served', FILE), 'utf8'), onDisk, 'nothing was saved yet');

    // Save: now the file checks, it is written.
    await page.click('#save');
    await page.locator('#save-result.good', { hasText: `saved ${FILE}` }).waitFor();
    assert.equal(readFileSync(join(dir, 'served', FILE), 'utf8'), edited);

    // A partner file dropped on the page (not in the population) is scored as pcs eval scores it.
    const droppedFile = join(PARTNERS, 'exact-thresholds.json');
    const dropped = pcsJson(['eval', 'expected', droppedFile, '--format', 'json'], dir);
    await page.click('.tabs button[data-tab="scores"]');
    const transfer = await page.evaluateHandle((text) => {
      const t = new DataTransfer();
      t.items.add(new File([text], 'exact-thresholds.json', { type: 'application/json' }));
      return t;
    }, readFileSync(droppedFile, 'utf8'));
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    assert.equal(await page.locator('#drop').textContent(), 'partner file: exact-thresholds.json');
    await assertScores(page, dropped);
  } finally {
    if (browser) await browser.close();
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server: bad requests get a 4xx and a message, other hosts are refused, another address needs --host', async () => {
  assert.ok(BIN && SOURCE, 'PCS_BIN and PCS_SOURCE_DIR are set by CTest');
  const rules = join(SOURCE, 'rulesets');
  const local = startServer([rules, '--port', '0'], SOURCE);
  try {
    const { url, stderr } = await local.started;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(stderr(), /pcs serve: listening on this machine only \(another address needs --host\)/);
    const json = { 'Content-Type': 'application/json' };
    const cases = [
      [{ method: 'POST', headers: json, body: '{not json' }, 'api/check', 400, 'the request body is not valid JSON'],
      [{ method: 'POST', headers: json, body: '{}' }, 'api/eval', 400,
        'give "partner" (the id of a partner of the population) or "partner_json" (the text of a partner file)'],
      [{ method: 'POST', headers: json, body: '{"partner": "nobody"}' }, 'api/eval', 404,
        "there is no partner 'nobody': start pcs serve with --partners DIR, or drop a partner file"],
      [{ method: 'POST', headers: json, body: '{"path": "../CMakeLists.txt", "text": ""}' }, 'api/save', 403,
        `'../CMakeLists.txt' is not a rule file of the ruleset '${rules}': only its existing .pcs files can be edited and saved`],
      [{ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }, 'api/save', 415,
        'the API takes JSON: send the header Content-Type: application/json'],
      [{}, 'api/save', 405, '/api/save takes a POST with a JSON body'],
      [{}, 'api/nothing', 404, "there is no API '/api/nothing'"],
      [{}, 'etc/passwd', 404, "there is no page '/etc/passwd'"],
      [{ headers: { Host: 'evil.example' } }, 'api/files', 403, `the host 'evil.example' is not served: open ${url}`],
    ];
    for (const [options, path, status, message] of cases) {
      const r = await http(url + path, options);
      assert.equal(r.status, status, `${path}: ${r.body}`);
      assert.equal(JSON.parse(r.body).error, message);
    }
    // The server survived them all.
    const files = await http(url + 'api/files');
    assert.equal(files.status, 200);
    assert.ok(JSON.parse(files.body).files.some((f) => f.path === FILE));
    // A second server on the same port is refused (no silent sharing of the port), exit code 2.
    const port = new URL(url).port;
    const second = spawnSync(BIN, ['serve', rules, '--port', port], { encoding: 'utf8', timeout: 20000 });
    assert.equal(second.status, 2, second.stderr);
    assert.match(second.stderr, new RegExp(`pcs serve: cannot listen on 127\\.0\\.0\\.1:${port}: is the port taken, or the address not one of this machine\\?`));
  } finally {
    await stop(local.server);
  }
  // Another address only when --host names it, and the server says what that means.
  const open = startServer([rules, '--host', '0.0.0.0', '--port', '0'], SOURCE);
  try {
    const { url, stderr } = await open.started;
    assert.match(url, /^http:\/\/0\.0\.0\.0:\d+\/$/);
    assert.match(stderr(), new RegExp(`pcs serve: listening on 0\\.0\\.0\\.0 as --host asks: other machines that reach it can read and save the rule files of '${rules}'`));
  } finally {
    await stop(open.server);
  }
});
