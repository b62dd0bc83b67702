import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, driven by playwright-core (no browser download from Playwright's CDN). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Vitest globalSetup: installs Chromium with apt-get when it is missing. */
export default function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log(`[e2e] ${CHROMIUM} is missing: installing Debian's chromium with apt-get (a minute or two)`);
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM} and installing it failed ` +
        `(run \`apt-get update && apt-get install -y chromium\` as root, or set CHROMIUM_PATH): ${
          error instanceof Error ? error.message : String(error)
        }`,
      { cause: error },
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing (set CHROMIUM_PATH)`);
  }
}
