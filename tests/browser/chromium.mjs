// Starts Debian's chromium (/usr/bin/chromium, installed by scripts/install-deps.sh)
// headless through playwright-core, which downloads no browser of its own.
// The flags keep Chromium off the network: this machine has none, and without
// them Chromium retries its background connections many times a second.
import { chromium } from 'playwright-core';
import { join } from 'node:path';

export const CHROMIUM = process.env.PCS_CHROMIUM || '/usr/bin/chromium';

// playwright-core gives each launch its own temporary profile and refuses
// --user-data-dir here (that is launchPersistentContext's job).
export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update',
           '--disable-sync'],
  });
}

// Where tests leave their screenshots (test artefacts): $PCS_ARTEFACTS or build/browser-artefacts.
export function artefactDir() {
  return process.env.PCS_ARTEFACTS || join(process.cwd(), 'artefacts');
}
