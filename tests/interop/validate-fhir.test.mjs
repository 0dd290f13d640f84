// The FHIR validator can fail and can pass: validate-fhir.mjs run as a user runs it, over a
// resource we broke on purpose, over the official example the Generieke Functies README says
// the JSON schema rejects, and over official examples it says are valid (one a profile saying
// fhirVersion 4.0.1, which only passes with 4.0.1 added to the npm schema's enum).
// PASSEND_SHARED_DIR: the shared folder beside the repository (../shared by default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.PASSEND_SHARED_DIR || join(here, '..', '..', '..', 'shared'));
const gf = join(shared, 'schemas', 'nl-gf-adressering');

function run(...files) {
  assert.ok(
    existsSync(join(here, 'node_modules', '@medplum', 'core')),
    'tests/interop/node_modules ontbreekt: make interop-deps (npm ci in tests/interop)'
  );
  const r = spawnSync(process.execPath, [join(here, 'validate-fhir.mjs'), ...files], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function requireShared() {
  assert.ok(existsSync(gf), `${gf} ontbreekt: zet PASSEND_SHARED_DIR (cmake -DPASSEND_SHARED_DIR=...)`);
}

test('a broken Bundle fails both checks, each problem with its path', () => {
  const { status, out } = run(join(here, 'fixtures', 'invalid-bundle.json'));
  assert.equal(status, 1, out);
  for (const expected of [
    'schema /entry/0/resource/gender: should be equal to one of the allowed values',
    'schema /entry/0/resource/birthDate: should match pattern',
    'schema /entry/1/resource: should NOT have additional properties (wens)',
    'structure Bundle.entry[1].resource.status: Missing required property',
    'structure Bundle.entry[1].resource.item[0].linkId: Missing required property',
  ]) {
    assert.ok(out.includes(expected), `missing "${expected}" in:\n${out}`);
  }
  // The resources inside the Bundle are reported against their own type, not as the
  // hundreds of failed branches of the schema's ResourceList oneOf.
  assert.ok(!out.includes('should match exactly one schema in oneOf'), out);
});

test("the official example the JSON schema rejects (null address lines) fails on the schema only", () => {
  requireShared();
  const { status, out } = run(join(gf, 'examples', 'Organization-8e18530e-2ce1-5dc2-b34b-7d5de91a5c07.json'));
  assert.equal(status, 1, out);
  assert.match(out, /schema \/address\/0\/line\/1: should be string/);
  assert.match(out, /schema \/address\/0\/line\/2: should be string/);
  assert.doesNotMatch(out, / structure /);
});

test('official valid examples pass, a 4.0.1 StructureDefinition included', () => {
  requireShared();
  const files = [
    join(gf, 'examples', 'Bundle-phi-org1.json'),
    join(gf, 'examples', 'Patient-27e58ece-409e-44f9-8cc1-b33495a0ef9d.json'),
    join(gf, 'examples', 'HealthcareService-4cec3d3b-5676-52aa-8c99-f4c7aecebc12.json'),
    join(gf, 'profiles', 'StructureDefinition-nl-gf-organization.json'),
  ];
  const { status, out } = run(...files);
  assert.equal(status, 0, out);
  assert.equal(out.trim().split('\n').filter((l) => l.endsWith(')') && l.includes(': ok (')).length, files.length, out);
});

test('an unreadable file is exit 2, not a pass', () => {
  const { status, out } = run(join(here, 'fixtures', 'does-not-exist.json'));
  assert.equal(status, 2, out);
});
