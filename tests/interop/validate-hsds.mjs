#!/usr/bin/env node
// node tests/interop/validate-hsds.mjs [--schema NAME] FILE...
// Validates each JSON file against the Open Referral HSDS 3.0 compiled schema NAME
// (organization by default; service, service_at_location, organization_list, ...), a page of
// the HSDS API item by item (hsds.mjs). Prints every problem as `FILE: /json/pointer: message`
// and exits 1 when any file has one, 2 on a file that cannot be read or parsed; prints
// `FILE: ok (N records)` for each valid file.
import { readFileSync } from 'node:fs';
import { validateHsds } from './hsds.mjs';

const args = process.argv.slice(2);
let schema = 'organization';
if (args[0] === '--schema') {
  schema = args[1];
  args.splice(0, 2);
}
if (args.length === 0 || !schema) {
  console.error('usage: validate-hsds.mjs [--schema NAME] FILE...');
  process.exit(2);
}

let status = 0;
for (const file of args) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`${file}: cannot read: ${err.message}`);
    status = 2;
    continue;
  }
  const problems = validateHsds(doc, schema);
  if (problems.length === 0) {
    const n = Array.isArray(doc.contents) ? doc.contents.length : 1;
    console.log(`${file}: ok (${n} records)`);
    continue;
  }
  for (const p of problems) console.log(`${file}: ${p.path}: ${p.message}`);
  if (status === 0) status = 1;
}
process.exit(status);
