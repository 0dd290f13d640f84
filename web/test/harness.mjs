// The browser suite's harness: a real `passend serve` on loopback over a generated
// Zuid-Limburg database, Debian's Chromium driven by playwright-core (never a downloaded
// browser), axe-core on every page and state, screenshots at 320 and 1280 px kept under
// build/web-test/screenshots/ (artefacts, not committed).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const bin = process.env.PASSEND_BIN || join(repo, 'build', 'passend');
export const outDir = process.env.PASSEND_WEB_TEST_DIR || join(repo, 'build', 'web-test');
export const shotDir = join(outDir, 'screenshots');
const webDir = process.env.PASSEND_WEB_DIR || join(repo, 'web', 'dist');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export const WIDTHS = [320, 1280];

// What the demo database is made from: the generator, the store's schema and migrations,
// the demo users and the reference data. A change to any of them makes a new database; the
// cached one is named after their hash.
const DATABASE_SOURCES = ['src/generate', 'src/store', 'src/access', 'src/cli', 'data'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => !f.endsWith('_test.cc'));
}

export function databaseKey() {
  const hash = createHash('sha256');
  // Bumped when the cached database's use changes: 2 = never written by the tests (runDatabase).
  hash.update('cache 2');
  for (const dir of DATABASE_SOURCES)
    for (const f of files(join(repo, dir)).sort()) hash.update(f.slice(repo.length)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

// The generated demo region, made once and reused by every test file (seed 42: the same
// data every time) until what it is made from changes (databaseKey); older ones are removed.
export function demoDatabase() {
  mkdirSync(outDir, { recursive: true });
  const db = join(outDir, `zl-${databaseKey()}.db`);
  if (existsSync(db)) return db;
  for (const old of readdirSync(outDir).filter((f) => /^zl(-\w+)?\.db(-wal|-shm)?$/.test(f)))
    rmSync(join(outDir, old), { force: true });
  const tmp = `${db}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  for (const args of [
    ['generate', '--region', 'zuid-limburg', '--seed', '42', '--db', tmp],
    ['user', 'demo', '--db', tmp],
  ]) {
    const r = spawnSync(bin, args, { encoding: 'utf8' });
    assert.equal(r.status, 0, `${bin} ${args.join(' ')} failed:\n${r.stderr}`);
  }
  renameSync(tmp, db);
  return db;
}

const RUN_COPY = /^run-(\d+)\.db(-wal|-shm|-journal)?$/;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const removeDatabase = (db) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
};

// The database one test file works on: a copy of the cached demo database, made for this
// process (node's test runner runs each file in its own) and removed when its server stops.
// What a run writes (offers, users, dossier versions, mismatch moments) never reaches the
// cache, so every run starts from the same data; copies a killed run left are removed here.
export function runDatabase() {
  const cached = demoDatabase();
  for (const f of readdirSync(outDir)) {
    const m = RUN_COPY.exec(f);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(outDir, f), { force: true });
  }
  const db = join(outDir, `run-${process.pid}.db`);
  removeDatabase(db);
  copyFileSync(cached, db);
  return db;
}

// Starts `passend serve` on a free loopback port over `db` (by default a fresh copy of the
// demo database, removed again by stop()); resolves when it listens.
export async function startServer(db = undefined) {
  // While developing: PASSEND_URL points at a server that is already running.
  if (process.env.PASSEND_URL)
    return { url: process.env.PASSEND_URL, db: process.env.PASSEND_DB, log: [], async stop() {} };
  assert.ok(existsSync(bin), `${bin} is missing: build Passend first (make build)`);
  assert.ok(existsSync(join(webDir, 'index.html')), `${webDir} is missing: run make web`);
  const own = db === undefined;
  if (own) db = runDatabase();
  const proc = spawn(
    bin,
    ['serve', '--db', db, '--port', '0', '--threads', '16', '--web-dir', webDir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const lines = createInterface({ input: proc.stderr });
  const log = [];
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('\n')}`)), 120000);
    proc.on('exit', (code) => reject(new Error(`server exited ${code}:\n${log.join('\n')}`)));
    lines.on('line', (line) => {
      if (log.length < 200) log.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'server_started') {
          clearTimeout(timer);
          resolvePort(entry.port);
        }
      } catch {
        /* not a log line */
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    log,
    async stop() {
      if (proc.exitCode === null) {
        const gone = new Promise((r) => proc.on('exit', r));
        proc.kill('SIGTERM');
        await gone;
      }
      if (own) removeDatabase(db);
    },
  };
}

// The set-up of every test file: a server over its own copy of the demo database and a
// browser before its tests (after `prepare(db)`, work on that database before the server
// starts), both stopped and the copy removed after them. The returned object holds them
// once the tests run: env.server, env.browser.
export function useServerAndBrowser(prepare = async (_db) => {}) {
  const env = { server: null, browser: null };
  let db;
  before(async () => {
    db = process.env.PASSEND_URL ? process.env.PASSEND_DB : runDatabase();
    await prepare(db);
    env.server = await startServer(db);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    if (!process.env.PASSEND_URL && db) removeDatabase(db);
  });
  return env;
}

export async function launchBrowser() {
  const args = ['--disable-gpu', '--disable-dev-shm-usage', '--lang=nl-NL'];
  // Chromium's sandbox cannot run as root (CI runs as root).
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args });
}

export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...options,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // A 401 from /auth/me is how a lapsed session shows; anything else is a bug.
    if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
  });
  page.jsErrors = errors;
  return page;
}

// axe-core: zero violations of WCAG 2.1 A and AA.
export async function expectAccessible(page, name) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  assert.equal(found.length, 0, `axe on ${name}:\n${found.join('\n')}`);
}

// Screenshots at 320 and 1280 px, with axe at each width (a narrow layout can hide or
// overlap things a wide one does not). Leaves the page at 1280 px.
export async function capture(page, name) {
  mkdirSync(shotDir, { recursive: true });
  // The page as people use it, not while its data still comes ("Even geduld ..."): axe and
  // the screenshots would otherwise check the loading line only.
  await page.waitForFunction(() => !document.querySelector('p.loading'), null, { timeout: 10000 });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 320 ? 720 : 900 });
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(shotDir, `${name}-${width}.png`), fullPage: true });
    // What a phone shows first, without scrolling.
    if (width === 320) await page.screenshot({ path: join(shotDir, `${name}-${width}-eerste-scherm.png`) });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `${name} at ${width} px scrolls sideways by ${overflow} px`);
    await expectAccessible(page, `${name} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

export const demoUser = (role) => ({
  email: `${role}@demo.passend.example`,
  password: `demo-${role}-wachtwoord`,
});

export async function login(page, url, role) {
  const { email, password } = demoUser(role);
  await page.goto(`${url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
}

// `expected`: the failed requests a flow provokes on purpose (a 412 when someone else saved
// in between), as the status the browser logs: [412].
export function expectNoJsErrors(page, expected = []) {
  const left = page.jsErrors.filter(
    (e) => !expected.some((status) => e.includes(`Failed to load resource: the server responded with a status of ${status} `)),
  );
  assert.deepEqual(left, [], 'no JavaScript errors on the page');
}

// Makes offers look as if their providers last stated free places and waits on `when` (an
// ISO date): `passend import` of the offers as the API gives them, with their providers and
// locations, into the running server's database. The server follows the database's change
// feed, so its answers say "mogelijk verouderd" shortly after.
export async function ageOffers(server, offerIds, when) {
  assert.ok(server.db, 'the database of the server (PASSEND_DB with PASSEND_URL)');
  if (offerIds.length === 0) return; // aged by an earlier run on the same database
  const json = async (path) => {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 200, path);
    return res.json();
  };
  const offers = [];
  const locations = new Map();
  const providers = new Map();
  for (const id of offerIds) {
    const offer = await json(`/api/v1/offers/${id}`);
    if (!locations.has(offer.location_id))
      locations.set(offer.location_id, await json(`/api/v1/locations/${offer.location_id}`));
    if (!providers.has(offer.provider_id))
      providers.set(offer.provider_id, await json(`/api/v1/providers/${offer.provider_id}`));
    delete offer.maybe_outdated;
    delete offer.last_updated;
    offer.places_updated = when;
    offers.push(offer);
  }
  const file = join(outDir, `verouderd-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      format: 'passend',
      version: 1,
      providers: [...providers.values()],
      locations: [...locations.values()],
      offers,
      clients: [],
    }),
  );
  const r = spawnSync(bin, ['import', '--db', server.db, file], { encoding: 'utf8' });
  rmSync(file, { force: true });
  assert.equal(r.status, 0, `import failed:\n${r.stderr}`);
  // The catalogue answers from the database at once; the matching index follows its change
  // feed within about a quarter of a second.
  for (let i = 0; i < 100; i++) {
    if ((await json(`/api/v1/offers/${offerIds[0]}`)).maybe_outdated) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
}
