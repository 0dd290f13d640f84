// The translation files: Dutch and English have the same keys, and every key the code names
// ('section.key' in quotes, wherever it stands: t(...), a ternary, a route's title) is in
// them. Keys made at run time (t(`kinds.${k}`)) are not checked here; the flows show them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const load = (lang) => JSON.parse(readFileSync(join(src, 'locales', `${lang}.json`), 'utf8'));

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('Dutch and English have the same keys', () => {
  const nl = keys(load('nl')).sort();
  const en = keys(load('en')).sort();
  assert.deepEqual(nl.filter((k) => !en.includes(k)), [], 'only in nl.json');
  assert.deepEqual(en.filter((k) => !nl.includes(k)), [], 'only in en.json');
});

test('every key the code names is in the translation files', () => {
  const known = new Set(keys(load('nl')));
  // i18next plurals: 'a.count' is found as 'a.count_one' and 'a.count_other'.
  const has = (k) => known.has(k) || known.has(`${k}_one`) || known.has(`${k}_other`);
  const missing = [];
  let named = 0;
  const sections = new Set(Object.keys(load('nl')));
  for (const file of sources(src)) {
    // Every quoted 'section.key' whose section is one of the files' (comments left out).
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of text.matchAll(/'([a-z_]+(?:\.[a-z0-9_]+)+)'/g)) {
      if (!sections.has(m[1].split('.')[0])) continue;
      named++;
      if (!has(m[1])) missing.push(`${file.slice(src.length + 1)}: ${m[1]}`);
    }
  }
  assert.ok(named > 300, `found only ${named} keys: the pattern no longer matches the code`);
  assert.deepEqual(missing, []);
});
