// Every FHIR export of Passend against the standard's own artefacts (fhir.mjs: the official
// JSON schema and the R4 StructureDefinitions), as a user makes them: the Questionnaire and
// three generated clients' dossiers from the command line and over HTTP, and the imports
// back: unchanged (no version), changed (a new version), broken (refused, naming the FHIR
// path, nothing written). PASSEND_BINARY: the passend binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFhir } from './fhir.mjs';

const bin = process.env.PASSEND_BINARY;
const dir = mkdtempSync(join(tmpdir(), 'passend-fhir-'));
const db = join(dir, 'zl.db');
let server;
let base;
let demoClient;

function passend(...args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function ok(...args) {
  const r = passend(...args);
  assert.equal(r.status, 0, `passend ${args.join(' ')}: ${r.err}`);
  return r.out;
}

function assertValid(resource, what) {
  const problems = validateFhir(resource);
  assert.deepEqual(problems, [], `${what}:\n${problems.map((p) => `${p.check} ${p.path}: ${p.message}`).join('\n')}`);
}

function currentVersion(id) {
  const out = ok('client', 'history', '--db', db, '--client', id, '--reason', 'FHIR-test');
  return out.trim().split('\n').filter((l) => l.startsWith('Versie ')).length;
}

before(async () => {
  assert.ok(bin, 'PASSEND_BINARY ontbreekt');
  ok('generate', '--region', 'zuid-limburg', '--seed', '42', '--db', db);
  const demo = ok('user', 'demo', '--db', db);
  demoClient = /client@\S+\s+(\S+)\s+cliënt (\S+)/.exec(demo);
  assert.ok(demoClient, demo);
  server = spawn(bin, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1', '--threads', '4'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  base = await new Promise((resolve, reject) => {
    let buffered = '';
    server.stderr.on('data', (chunk) => {
      buffered += chunk;
      for (const line of buffered.split('\n')) {
        try {
          const e = JSON.parse(line);
          if (e.event === 'server_started') resolve(`http://127.0.0.1:${e.port}`);
        } catch {}
      }
    });
    server.on('exit', (code) => reject(new Error(`passend serve stopped (${code}): ${buffered}`)));
  });
});

after(() => {
  if (server) server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('the Questionnaire from the command line is valid FHIR R4', () => {
  const file = join(dir, 'leidraad.json');
  ok('leidraad', 'export', '--format', 'fhir', '--out', file);
  const q = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(q.resourceType, 'Questionnaire');
  assertValid(q, 'leidraad');
});

test('three dossiers from the command line are valid, and import back without a change', () => {
  const ids = ok('client', 'list', '--db', db, '--limit', '3', '--reason', 'FHIR-test')
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/)[0]);
  assert.equal(ids.length, 3);
  for (const id of ids) {
    const file = join(dir, `${id}.json`);
    ok('client', 'export', '--format', 'fhir', '--db', db, '--client', id, '--out', file, '--reason', 'FHIR-test');
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assertValid(bundle, id);
    const before = currentVersion(id);
    assert.match(ok('client', 'import', '--format', 'fhir', '--db', db, '--reason', 'FHIR-test', file), /Geen wijziging/);
    assert.equal(currentVersion(id), before);
  }
});

test('a changed Bundle is a new version; a broken one names its path and writes nothing', () => {
  const id = ok('client', 'list', '--db', db, '--limit', '1', '--reason', 'FHIR-test').split(/\s+/)[0];
  const file = join(dir, 'changed.json');
  ok('client', 'export', '--format', 'fhir', '--db', db, '--client', id, '--out', file, '--reason', 'FHIR-test');
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  const v = currentVersion(id);
  bundle.entry[1].resource.name = [{ text: 'Nieuwe Naam' }];
  writeFileSync(file, JSON.stringify(bundle));
  ok('client', 'import', '--format', 'fhir', '--db', db, '--reason', 'naam uit het ECD', file);
  assert.equal(currentVersion(id), v + 1);
  assert.match(ok('client', 'show', '--db', db, '--client', id, '--reason', 'FHIR-test'), /Nieuwe Naam/);

  bundle.entry[1].resource.name = [{ text: 'Nog Een Naam' }];
  bundle.entry[0].resource.item.find((i) => i.linkId === 'situatie').item[0].answer[0].valueCoding.code = 'XX';
  writeFileSync(file, JSON.stringify(bundle));
  const bad = passend('client', 'import', '--format', 'fhir', '--db', db, '--reason', 'FHIR-test', file);
  assert.equal(bad.status, 2, bad.err);
  assert.match(bad.err, /entry\[0\]\.resource\.item\[\d+\]\.item\[0\]\.answer\[0\]\.valueCoding\.code/);
  assert.equal(currentVersion(id), v + 1);
  assert.doesNotMatch(ok('client', 'show', '--db', db, '--client', id, '--reason', 'FHIR-test'), /Nog Een Naam/);
});

test('over HTTP: the Questionnaire and the dossier are valid; PUT makes a version, checks first', async () => {
  const q = await fetch(`${base}/api/v1/leidraad/fhir`);
  assert.equal(q.status, 200);
  assert.match(q.headers.get('content-type'), /^application\/fhir\+json/);
  assertValid(await q.json(), 'GET /api/v1/leidraad/fhir');

  const [, password, id] = demoClient;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'client@demo.passend.example', password }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const csrf = (await login.json()).csrf_token;
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/fhir+json' };

  const got = await fetch(`${base}/api/v1/clients/${id}/fhir`, { headers });
  assert.equal(got.status, 200);
  assert.match(got.headers.get('content-type'), /^application\/fhir\+json/);
  const etag = got.headers.get('etag');
  const bundle = await got.json();
  assertValid(bundle, `GET /api/v1/clients/${id}/fhir`);

  const url = `${base}/api/v1/clients/${id}/fhir?reason=${encodeURIComponent('uit het ECD')}`;
  const noMatch = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(bundle) });
  assert.equal(noMatch.status, 428);
  const same = await fetch(url, { method: 'PUT', headers: { ...headers, 'If-Match': etag }, body: JSON.stringify(bundle) });
  assert.equal(same.status, 200, await same.clone().text());
  assert.equal(same.headers.get('etag'), etag);

  bundle.entry[1].resource.name = [{ text: 'Via FHIR Gewijzigd' }];
  const changed = await fetch(url, { method: 'PUT', headers: { ...headers, 'If-Match': etag }, body: JSON.stringify(bundle) });
  assert.equal(changed.status, 200, await changed.clone().text());
  assert.notEqual(changed.headers.get('etag'), etag);
  assertValid(await changed.json(), `PUT /api/v1/clients/${id}/fhir`);
  const stale = await fetch(url, { method: 'PUT', headers: { ...headers, 'If-Match': etag }, body: JSON.stringify(bundle) });
  assert.equal(stale.status, 412);

  bundle.entry[0].resource.item[0].linkId = 'domein.ruimtevaart';
  const broken = await fetch(url, {
    method: 'PUT',
    headers: { ...headers, 'If-Match': changed.headers.get('etag') },
    body: JSON.stringify(bundle),
  });
  assert.equal(broken.status, 400);
  assert.match(await broken.text(), /entry\[0\]\.resource\.item\[0\]\.linkId/);
});
