#!/usr/bin/env node
// Makes sure the tests have the system tools they run: Debian's chromium (at SAMPLAN_CHROMIUM or
// /usr/bin/chromium) for the end-to-end tests, the browser benchmark and the PDF export, and
// poppler-utils (pdftoppm, pdftotext) to read the PDFs. Never downloads a browser build: it installs
// the distribution packages when it can (as root with apt-get), and otherwise names the one command
// to run. Several packages' tests may call it at once: installs are serialised with flock.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = process.env.SAMPLAN_CHROMIUM ?? '/usr/bin/chromium';

/** True when `command` is an executable file somewhere on PATH. */
const onPath = (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, command)));

/** What each package provides, for the message. */
const PROVIDES = { chromium: `chromium at ${CHROMIUM}`, 'poppler-utils': 'pdftoppm and pdftotext' };

const missingPackages = () => [
  ...(existsSync(CHROMIUM) ? [] : ['chromium']),
  ...(onPath('pdftoppm') && onPath('pdftotext') ? [] : ['poppler-utils']),
];

const missing = missingPackages();
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt || !onPath('flock')) {
    console.error(
      `samplan: the tests need ${missing.map((name) => PROVIDES[name]).join(' and ')}. Install with:\n  sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`samplan: installing ${missing.join(' ')} for the tests (apt-get install -y)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // One apt-get at a time across concurrent test runs; a run that waited finds the packages installed.
  const script = `for p in ${missing.join(' ')}; do dpkg -s "$p" >/dev/null 2>&1 || todo="$todo $p"; done; [ -z "$todo" ] || { apt-get update -qq && apt-get install -y -qq $todo; }`;
  execFileSync('flock', ['/tmp/samplan-apt.lock', 'sh', '-c', script], { stdio: 'inherit', env });
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`samplan: apt-get finished but ${still.join(' and ')} is still missing`);
    process.exit(1);
  }
}
