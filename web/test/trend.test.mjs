// The care office's trend of the mismatch map (/zorgkantoor/trend): two moments kept by the
// CLI as a care office would quarterly (`passend mismatch --bewaar`), then the page read
// against the API's own answer, its CSV downloaded; the state before any moment was kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  bin,
  capture,
  expectNoJsErrors,
  login,
  newPage,
  useServerAndBrowser,
} from './harness.mjs';

let region;

function passend(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `passend ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

const env = useServerAndBrowser(async (db) => {
  assert.ok(db, 'the database of the server (PASSEND_DB with PASSEND_URL)');
  // The demo care office's region, as `passend user demo` says it (it keeps existing users).
  region = /regio (\d+)/.exec(passend(['user', 'demo', '--db', db]))[1];
  // Two moments: a moment is one per second, so the second waits for the next second.
  passend(['mismatch', '--bewaar', '--db', db, '--region', region]);
  await new Promise((r) => setTimeout(r, 1100));
  passend(['mismatch', '--bewaar', '--db', db, '--region', region]);
});

const cells = (row) => row.locator('th, td').allInnerTexts();

describe('care office trend', () => {
  test('reads the kept moments side by side and downloads them as CSV', async () => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('heading', { level: 1, name: /^Mismatchkaart / }).waitFor({ timeout: 60000 });
    await page.getByRole('link', { name: 'Hoe verandert de mismatch? Bekijk de trend' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoe de mismatch verandert' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/zorgkantoor/trend');

    const trend = await page.evaluate(
      async (r) => (await fetch(`/api/v1/mismatch/trend?region=${r}`)).json(),
      region,
    );
    assert.ok(trend.moments.length >= 2, `${trend.moments.length} moments kept`);
    assert.ok(trend.per_wish.length > 0);

    // Per moment: a row with the API's counts, in Dutch number format.
    const moments = page.getByRole('region', { name: 'Cijfers per moment' });
    await moments.locator('tbody tr').first().waitFor();
    assert.equal(await moments.locator('tbody tr').count(), trend.moments.length);
    const newest = trend.moments.at(-1);
    const newestRow = await cells(moments.locator('tbody tr').last());
    const nl = (n) => new Intl.NumberFormat('nl-NL').format(n);
    assert.equal(newestRow[1], nl(newest.clients));
    assert.match(newestRow[2], new RegExp(`^${nl(newest.clients_with_mismatch)} \\(\\d+(,\\d)?%\\)$`));
    // Per moment two bars in the chart, and a text beside each.
    assert.equal(await page.locator('.bar-chart .bar').count(), 2 * trend.moments.length);

    // Per wish: the API's order, a column per moment and the difference with the first.
    const wishes = page.getByRole('region', { name: 'Per wens' });
    assert.equal(await wishes.locator('tbody tr').count(), trend.per_wish.length);
    const first = await cells(wishes.locator('tbody tr').first());
    const w = trend.per_wish[0];
    assert.equal(first[0], w.label);
    assert.equal(first.length, 1 + trend.moments.length + 1);
    assert.equal(first[trend.moments.length], w.clients.at(-1) === null ? '–' : nl(w.clients.at(-1)));
    const d = (w.clients.at(-1) ?? NaN) - (w.clients[0] ?? NaN);
    assert.equal(first.at(-1), Number.isNaN(d) ? '–' : d === 0 ? 'gelijk' : d > 0 ? `${nl(d)} meer` : `${nl(-d)} minder`);
    await capture(page, 'zorgkantoor-trend');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download de cijfers per wens (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `mismatch-${region}-trend-per-wens.csv`);
    let csv = '';
    for await (const chunk of await download.createReadStream()) csv += chunk;
    const lines = csv.trim().split(/\r\n/);
    assert.equal(
      lines[0].replace('\ufeff', ''),
      ['Wens', 'Sleutel', ...trend.moments.map((m) => m.taken_at)].join(';'),
    );
    assert.equal(lines.length, 1 + trend.per_wish.length);
    assert.ok(lines.some((l) => l.startsWith(`${w.label};${w.key};`)));

    // Back to the map of now.
    await page.getByRole('link', { name: 'Naar de mismatchkaart van nu' }).click();
    await page.getByRole('heading', { level: 1, name: /^Mismatchkaart / }).waitFor({ timeout: 60000 });
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('says what to do while no moment was kept', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    // The API's answer before the first `passend mismatch --bewaar` (MonitorService::Trend
    // over no moments), which this database no longer gives: the moments are kept above.
    await page.route('**/api/v1/mismatch/trend?*', (route) =>
      route.fulfill({ json: { region, moments: [], per_wish: [] } }),
    );
    await page.goto(env.server.url + '/zorgkantoor/trend');
    await page.getByText('Er is nog geen moment bewaard.', { exact: false }).waitFor();
    assert.equal(await page.locator('table').count(), 0);
    await capture(page, 'zorgkantoor-trend-leeg');
    expectNoJsErrors(page);
    await page.context().close();
  });
});
