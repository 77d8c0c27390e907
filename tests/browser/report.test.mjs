// pcs report in a real browser: the page opens from disk with every network
// request aborted (and none attempted), the charts draw (non-blank canvases),
// the attained counts equal `pcs eval --partners` JSON lines, the search box
// filters partners. Screenshots go to PCS_ARTEFACTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, artefactDir } from './chromium.mjs';

const bin = process.env.PCS_BIN;
const src = process.env.PCS_SOURCE_DIR;
const partners = join(src, 'examples/partners-csv');
const out = mkdtempSync(join(tmpdir(), 'pcs-report-'));
const artefacts = artefactDir();
mkdirSync(artefacts, { recursive: true });

function attainedCounts(ruleset) {
  const lines = execFileSync(bin, ['eval', ruleset, '--partners', partners], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim().split('\n').map(l => JSON.parse(l));
  const counts = {};
  for (const r of lines) for (const d of r.designations || []) counts[d.id] = (counts[d.id] || 0) + (d.attained ? 1 : 0);
  return { counts, partners: lines.length };
}

async function openOffline(file, shot) {
  // launchChromium() passes --user-data-dir, which this playwright-core refuses; the same flags without it.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const attempted = [];
  await context.route(url => !url.href.startsWith('file:'), route => { attempted.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto('file://' + file);
  await page.waitForFunction(() => window.pcsReport && window.pcsReport.charts.length > 0);
  await page.screenshot({ path: join(artefacts, shot) });
  return { browser, page, attempted, errors };
}

async function checkPage(page, expected) {
  const blank = await page.evaluate(() => [...document.querySelectorAll('canvas')].filter(c => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return false;
    return true;
  }).length);
  const canvases = await page.locator('canvas').count();
  assert.ok(canvases >= 2, `canvases: ${canvases}`);
  assert.equal(blank, 0, 'every chart canvas has drawn pixels');
  for (const [id, n] of Object.entries(expected.counts)) {
    const shown = await page.locator(`[data-designation="${id}"] .attained-count`).textContent();
    assert.equal(Number(shown), n, `attained count of ${id}`);
  }
}

test('one version: offline, charts drawn, counts equal the batch results, search works', async () => {
  const file = join(out, 'one.html');
  execFileSync(bin, ['report', join(src, 'rulesets/2023-06'), '--partners', partners, '--out', file], { stdio: 'ignore' });
  const expected = attainedCounts(join(src, 'rulesets/2023-06'));
  const { browser, page, attempted, errors } = await openOffline(file, 'report-one.png');
  try {
    await checkPage(page, expected);
    assert.equal(await page.locator('#partner-list details').count(), expected.partners);
    await page.fill('#search', 'adventure');
    assert.equal(await page.locator('#partner-list details').count(), 1);
    await page.locator('#partner-list details summary').first().click();
    await page.locator('#partner-list details pre.explain').first().waitFor();
    assert.match(await page.locator('#partner-list details').first().textContent(), /Net customer adds/);
    await page.screenshot({ path: join(artefacts, 'report-one-search.png'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(attempted, [], 'no network request was attempted');
  } finally { await browser.close(); }
});

test('two versions: comparison charts drawn, counts equal the batch results of the new version', async () => {
  const file = join(out, 'two.html');
  execFileSync(bin, ['report', join(src, 'rulesets/2023-06'), join(src, 'rulesets/2025-01'), '--partners', partners, '--out', file], { stdio: 'ignore' });
  const expected = attainedCounts(join(src, 'rulesets/2025-01'));
  const { browser, page, attempted, errors } = await openOffline(file, 'report-two.png');
  try {
    await checkPage(page, expected);
    assert.ok(await page.locator('#compare [data-diff] canvas').count() > 0);
    await page.locator('#compare').screenshot({ path: join(artefacts, 'report-two-compare.png') });
    assert.deepEqual(errors, []);
    assert.deepEqual(attempted, []);
  } finally { await browser.close(); }
});
