// Passend's FHIR export passes the FHIR validators: `passend export --format fhir` of a
// generated region (PASSEND_BINARY, set by CTest), run through validate-fhir.mjs (the R4 JSON
// schema and the R4 StructureDefinitions) as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

test("Passend's FHIR export of a generated region is a valid R4 Bundle", () => {
  assert.ok(
    existsSync(join(here, 'node_modules', '@medplum', 'core')),
    'tests/interop/node_modules ontbreekt: make interop-deps (npm ci in tests/interop)'
  );
  const bin = process.env.PASSEND_BINARY;
  assert.ok(bin && existsSync(bin), 'PASSEND_BINARY: the passend binary (CTest sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'fhir-'));
  try {
    const db = join(dir, 'r.db');
    const out = join(dir, 'r.json');
    const gen = spawnSync(bin, ['generate', '--region', 'zuid-limburg', '--seed', '3', '--db', db], {
      encoding: 'utf8',
    });
    assert.equal(gen.status, 0, gen.stderr);
    const exp = spawnSync(bin, ['export', '--format', 'fhir', '--db', db, '--out', out], { encoding: 'utf8' });
    assert.equal(exp.status, 0, exp.stderr);
    const r = spawnSync(process.execPath, [join(here, 'validate-fhir.mjs'), out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /: ok \(Bundle\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
