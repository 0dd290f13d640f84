// The HSDS 3.0 check behind validate-hsds.mjs, as a module: the specification's compiled
// schemas (shared/schemas/hsds-3.0/compiled/) with ajv 6, with `additionalProperties: false`
// set on every object as the specification checks its own examples, so an export cannot add
// fields of its own. ajv 6 ignores the schemas' descriptive keywords (name, path,
// constraints, datapackage_metadata): the non-strict mode the schemas' README asks for.
// A page of the HSDS API ({total_items, ..., contents}) is checked against openapi.json's
// Page and each item of `contents` against the compiled schema named.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');

const here = dirname(fileURLToPath(import.meta.url));
export const hsdsDir = resolve(
  process.env.PASSEND_SHARED_DIR || join(here, '..', '..', '..', 'shared'),
  'schemas',
  'hsds-3.0'
);

// Closes every object schema that lists its properties; returns how many were closed, so a
// schema that changed shape is noticed.
export function closeObjects(node) {
  let closed = 0;
  if (Array.isArray(node)) {
    for (const child of node) closed += closeObjects(child);
  } else if (node && typeof node === 'object') {
    if (node.type === 'object' && node.properties && node.additionalProperties === undefined) {
      node.additionalProperties = false;
      closed += 1;
    }
    for (const value of Object.values(node)) closed += closeObjects(value);
  }
  return closed;
}

const compiled = new Map();
const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });

function check(name) {
  if (!compiled.has(name)) {
    const schema = JSON.parse(readFileSync(join(hsdsDir, 'compiled', `${name}.json`), 'utf8'));
    if (closeObjects(schema) === 0) throw new Error(`${name}.json: no object schema found`);
    delete schema.$schema;
    delete schema.$id;
    compiled.set(name, ajv.compile(schema));
  }
  return compiled.get(name);
}

function pageCheck() {
  if (!compiled.has('#page')) {
    const api = JSON.parse(readFileSync(join(hsdsDir, 'openapi.json'), 'utf8'));
    const page = structuredClone(api.components.schemas.Page);
    page.properties.contents = { type: 'array' };
    page.additionalProperties = false;
    compiled.set('#page', ajv.compile(page));
  }
  return compiled.get('#page');
}

function problemsOf(validate, value, prefix) {
  if (validate(value)) return [];
  return validate.errors.map((e) => {
    const extra = e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : '';
    return { path: prefix + e.dataPath, message: e.message + extra };
  });
}

// Problems of one document (a page, or one record) against compiled schema `name`.
export function validateHsds(doc, name = 'organization') {
  const validate = check(name);
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray(doc.contents)) {
    const problems = problemsOf(pageCheck(), doc, '');
    doc.contents.forEach((item, i) => problems.push(...problemsOf(validate, item, `/contents/${i}`)));
    return problems;
  }
  return problemsOf(validate, doc, '');
}
