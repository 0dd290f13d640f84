// The HSDS validator can fail and can pass, and Passend's export passes it: validate-hsds.mjs
// run as a user runs it, over the specification's example with a field added and a status
// changed on purpose, over the specification's own examples, and over `passend export
// --format hsds` of a generated region (PASSEND_BINARY, set by CTest).
// PASSEND_SHARED_DIR: the shared folder beside the repository (../shared by default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hsdsDir } from './hsds.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(hsdsDir, 'examples');

function run(...args) {
  assert.ok(
    existsSync(join(here, 'node_modules', 'ajv')),
    'tests/interop/node_modules ontbreekt: make interop-deps (npm ci in tests/interop)'
  );
  assert.ok(existsSync(examples), `${examples} ontbreekt: zet PASSEND_SHARED_DIR`);
  const r = spawnSync(process.execPath, [join(here, 'validate-hsds.mjs'), ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('an organization with a field of its own and an unknown status fails, with paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hsds-'));
  try {
    const doc = JSON.parse(readFileSync(join(examples, 'organization_full.json'), 'utf8'));
    doc.wens = 'tuin';
    doc.services[0].status = 'open';
    doc.locations[0].latitude = 'noord';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(doc));
    const { status, out } = run(file);
    assert.equal(status, 1, out);
    for (const expected of [
      ': should NOT have additional properties (wens)',
      '.services[0].status: should be equal to one of the allowed values',
      '.locations[0].latitude: should be number',
    ]) {
      assert.ok(out.includes(expected), `missing "${expected}" in:\n${out}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the specification's own examples pass", () => {
  for (const [file, schema] of [
    ['organization_full.json', 'organization'],
    ['service_full.json', 'service'],
    ['service_at_location_full.json', 'service_at_location'],
    ['organization_list.json', 'organization_list'],
    ['service_at_location_list.json', 'service_at_location_list'],
  ]) {
    const { status, out } = run('--schema', schema, join(examples, file));
    assert.equal(status, 0, out);
    assert.match(out, /: ok \(1 records\)/);
  }
});

test("Passend's HSDS export of a generated region passes", () => {
  const bin = process.env.PASSEND_BINARY;
  assert.ok(bin && existsSync(bin), 'PASSEND_BINARY: the passend binary (CTest sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'hsds-'));
  try {
    const db = join(dir, 'r.db');
    const out = join(dir, 'r.json');
    const gen = spawnSync(bin, ['generate', '--region', 'zuid-limburg', '--seed', '3', '--db', db], {
      encoding: 'utf8',
    });
    assert.equal(gen.status, 0, gen.stderr);
    const exp = spawnSync(bin, ['export', '--format', 'hsds', '--db', db, '--out', out], { encoding: 'utf8' });
    assert.equal(exp.status, 0, exp.stderr);
    const { status, out: report } = run(out);
    assert.equal(status, 0, report);
    assert.match(report, /: ok \([1-9]\d* records\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
