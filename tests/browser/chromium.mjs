// Starts Debian's chromium (/usr/bin/chromium, installed by scripts/install-deps.sh)
// headless through playwright-core, which downloads no browser of its own.
// The flags keep Chromium off the network: this machine has none, and without
// them Chromium retries its background connections many times a second.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.PCS_CHROMIUM || '/usr/bin/chromium';

export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'pcs-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update',
           '--disable-sync', `--user-data-dir=${profile}`],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => { await close(); rmSync(profile, { recursive: true, force: true }); };
  return browser;
}

// Where tests leave their screenshots (test artefacts): $PCS_ARTEFACTS or build/browser-artefacts.
export function artefactDir() {
  return process.env.PCS_ARTEFACTS || join(process.cwd(), 'artefacts');
}
