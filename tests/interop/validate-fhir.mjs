#!/usr/bin/env node
// node tests/interop/validate-fhir.mjs FILE...
// Validates each JSON file (one FHIR R4 resource or a Bundle) against the official R4 JSON
// schema and the R4 StructureDefinitions (fhir.mjs). Prints every problem as
// `FILE: check path: message` and exits 1 when any file has one, 2 on a file that cannot be
// read or parsed; prints `FILE: ok (ResourceType)` for each valid file.
import { readFileSync } from 'node:fs';
import { validateFhir } from './fhir.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate-fhir.mjs FILE...');
  process.exit(2);
}

let status = 0;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`${file}: cannot read: ${err.message}`);
    status = 2;
    continue;
  }
  const problems = validateFhir(resource);
  if (problems.length === 0) {
    console.log(`${file}: ok (${resource.resourceType})`);
    continue;
  }
  for (const p of problems) console.log(`${file}: ${p.check} ${p.path}: ${p.message}`);
  if (status === 0) status = 1;
}
process.exit(status);
