// Real Chromium for end-to-end tests, with the flags this environment needs: no sandbox (CI runs
// as root), no background traffic to a closed network. Playwright gives every launch a fresh,
// temporary profile directory.
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './temp';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const artifactsDir = join(repoRoot, 'test-artifacts');

/** Where a test saves a screenshot or report for people to look at (kept by CI as an artifact). */
export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}
