// The first load's JavaScript, gzipped, measured on the build: the entry script of
// dist/index.html and every module it preloads. Fails the build above the budget (issue 22:
// under 200 KB). Also lists every chunk and the CSS. Writes dist/bundle-size.json for bench/.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 200 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = new Set();
for (const m of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) first.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)) first.add(m[1]);

const size = (file) => {
  const raw = readFileSync(join(dist, file));
  return { file, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};
const assets = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
const js = assets.filter((f) => f.endsWith('.js')).map(size);
const css = assets.filter((f) => f.endsWith('.css')).map(size);
const firstLoad = js.filter((f) => first.has(f.file));
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
const report = {
  budget_gzip: BUDGET,
  first_load_js_gzip: sum(firstLoad, 'gzip'),
  first_load_js_bytes: sum(firstLoad, 'bytes'),
  all_js_gzip: sum(js, 'gzip'),
  css_gzip: sum(css, 'gzip'),
  first_load_files: firstLoad.map((f) => f.file),
  chunks: js.length,
};
writeFileSync(join(dist, 'bundle-size.json'), JSON.stringify(report, null, 2) + '\n');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `bundle: first load ${kb(report.first_load_js_gzip)} JS gzipped (budget ${kb(BUDGET)}), ` +
    `${js.length} chunks ${kb(report.all_js_gzip)} in all, CSS ${kb(report.css_gzip)} gzipped`,
);
if (report.first_load_js_gzip > BUDGET) {
  console.error('bundle: the first load is over budget');
  process.exit(1);
}
