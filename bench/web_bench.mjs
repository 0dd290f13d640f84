// The web app's figures (issue 22): the first load's JavaScript gzipped (from the build),
// and the time from submitting an anonymous search to the options being shown in Chromium
// on the Zuid-Limburg demo, median of 20, against the bare API call (the same POST
// /api/v1/zoeken body, fetched from the same page) measured in the same run.
// Usage: bench/web_bench.sh (builds what is missing first). Writes bench/results/web.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newPage, startServer } from '../web/test/harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS || 20);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

const bundle = JSON.parse(readFileSync(join(repo, 'web', 'dist', 'bundle-size.json'), 'utf8'));
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await newPage(browser);
  // The answers of the guideline's walk in search.test.mjs, given once: Maastricht, living
  // and day activities, 5VV, a garden (must), quiet (level 3), dementia care, own words, the
  // daughter in Meerssen within 10 km.
  await page.goto(server.url + '/zoeken');
  await page.getByLabel('Gemeente').selectOption({ label: 'Maastricht' });
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Een plek om te wonen, met zorg').check();
  await page.getByLabel('Dagbesteding', { exact: true }).check();
  await page.getByLabel('Zorgprofiel (als u dat weet)').selectOption('5VV');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Tuin of buitenruimte').check();
  await page.locator('#belang-tuin').selectOption('must');
  await page.getByLabel('Rust in huis en omgeving').check();
  await page.getByLabel('In uw eigen woorden').fill('Samen koffie drinken na de mis');
  for (let step = 4; step <= 11; step++) {
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (step === 8) await page.getByLabel('Deskundig in dementie').check();
    await page.getByRole('button', { name: 'Volgende' }).click();
  }
  await page.getByRole('button', { name: 'Persoon of plek toevoegen' }).click();
  await page.getByLabel('Wie of wat? (bijvoorbeeld: dochter Anja)').fill('dochter Anja');
  await page.getByLabel('In welke gemeente?').selectOption({ label: 'Meerssen' });
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uw antwoorden' }).waitFor();

  let body = null;
  let url = null;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/zoeken')) {
      body = r.postData();
      url = r.url();
    }
  });

  // Submit on the overview, wait for the first option in the DOM and one frame, go back.
  const submitToOptions = () =>
    page.evaluate(
      () =>
        new Promise((done) => {
          const app = document.getElementById('app');
          const t0 = performance.now();
          const seen = () => {
            if (!document.querySelector('.option-list > li')) return false;
            requestAnimationFrame(() => done(performance.now() - t0));
            return true;
          };
          const obs = new MutationObserver(() => seen() && obs.disconnect());
          obs.observe(app, { childList: true, subtree: true });
          document.querySelector('#app button[type=submit]').click();
        }),
    );
  const ui = [];
  for (let i = 0; i <= RUNS; i++) {
    const ms = await submitToOptions();
    ui.push(ms);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Uw antwoorden' }).waitFor();
  }
  const firstUi = ui.shift(); // includes loading the options page's code

  // The baseline: the same request from the same page, the answer read as JSON.
  const api = await page.evaluate(
    async ({ url, body, runs }) => {
      const out = [];
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body,
        });
        await res.json();
        out.push(performance.now() - t0);
      }
      return out.slice(1);
    },
    { url, body, runs: RUNS },
  );

  const report = {
    date: new Date().toISOString(),
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
    bundle: {
      first_load_js_gzip_kb: round(bundle.first_load_js_gzip / 1024),
      budget_kb: bundle.budget_gzip / 1024,
      all_js_gzip_kb: round(bundle.all_js_gzip / 1024),
      css_gzip_kb: round(bundle.css_gzip / 1024),
    },
    search_to_options_ms: {
      runs: RUNS,
      median: round(median(ui)),
      min: round(Math.min(...ui)),
      max: round(Math.max(...ui)),
      first_visit: round(firstUi),
    },
    bare_api_call_ms: {
      runs: RUNS,
      median: round(median(api)),
      min: round(Math.min(...api)),
      max: round(Math.max(...api)),
    },
  };
  report.ratio_ui_to_api = round(report.search_to_options_ms.median / report.bare_api_call_ms.median);
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'web.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
