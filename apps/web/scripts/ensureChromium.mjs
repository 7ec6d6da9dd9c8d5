#!/usr/bin/env node
// Makes sure Debian's chromium is at /usr/bin/chromium for the end-to-end tests. Never downloads a
// browser build: it installs the distribution package when it can (as root with apt-get), and
// otherwise names the one command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.SAMPLAN_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    console.error(
      `samplan: end-to-end tests need Debian's chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
  console.log('samplan: installing Debian chromium for the end-to-end tests (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) {
    console.error(`samplan: apt-get finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}
