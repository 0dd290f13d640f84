// Each demo role logs in and does its tasks: the client (options, privacy: consent given and
// withdrawn, who looked), the representative, the client supporter (caseload, a client's
// options, compare), the provider (its offers), the care office (mismatch map with CSV,
// the register). Plus what a role may not see.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  capture,
  repo,
  expectNoJsErrors,
  login,
  newPage,
  useServerAndBrowser,
} from './harness.mjs';

const env = useServerAndBrowser();

describe('client', () => {
  test('sees her options and her dossier', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    assert.equal(new URL(page.url()).pathname, '/mijn');
    await page.getByRole('heading', { level: 1, name: 'Mijn opties' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat belangrijk is' }).waitFor();
    await page.locator('.option-list > li').first().waitFor();
    assert.ok((await page.locator('.option-list > li').count()) >= 1);
    assert.match(await page.locator('.option-list > li').first().innerText(), /Wachten/);
    await page.locator('svg.map circle[r="13"]').first().waitFor();
    await capture(page, 'client-opties');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('gives and withdraws consent, and sees who looked', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    await page.getByRole('link', { name: 'Mijn privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn privacy' }).waitFor();
    // The access log in plain words, names not ids: her own reads are there.
    const log = page.locator('.access-log');
    await log.locator('li').first().waitFor();
    assert.match(await log.innerText(), /U zelf bekeek uw (dossier|passende zorg|toestemmingen)/);
    assert.doesNotMatch(await log.innerText(), /usr-|org-|cns-|client_support|care_delivery/);
    assert.match(await log.innerText(), /U zelf bekeek uw \w+( \w+)?\.( \(\d+ keer\))? \(uw eigen gegevens\)/);
    // The same look in the same minute is one line with how often, never two lines alike.
    const lines = await log.locator('li').allInnerTexts();
    for (let i = 1; i < lines.length; i++) assert.notEqual(lines[i], lines[i - 1], `line ${i} repeats the one before`);
    await capture(page, 'client-privacy');

    // Giving consent without choosing an organisation is explained.
    const before = await page.locator('.consent').count();
    await page.getByRole('button', { name: 'Geef toestemming' }).click();
    await page.getByText('Kies minstens één organisatie.').waitFor();
    await page.getByLabel('CIZ (demo)').check();
    await page.getByLabel('Voor de indicatie (CIZ)').check();
    await page.getByRole('button', { name: 'Geef toestemming' }).click();
    await page.getByRole('status').filter({ hasText: 'De toestemming is gegeven.' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.consent').length === n + 1, before);
    const given = page.locator('.consent').filter({ hasText: 'Voor de indicatie (CIZ)' }).last();
    assert.match(await given.innerText(), /CIZ \(demo\)/);
    assert.match(await given.innerText(), /Geldt nu\./);
    await capture(page, 'client-privacy-gegeven');

    // Withdraw it, with a confirmation step.
    await given.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await given.getByText('Weet u het zeker?').waitFor();
    await capture(page, 'client-privacy-intrekken');
    await given.getByRole('button', { name: 'Ja, trek in' }).click();
    await page.getByRole('status').filter({ hasText: 'De toestemming is ingetrokken.' }).waitFor();
    await page
      .locator('.consent')
      .filter({ hasText: 'Voor de indicatie (CIZ)' })
      .last()
      .getByText(/Ingetrokken op/)
      .waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('downloads everything Passend keeps about her', async () => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'client');
    await page.goto(env.server.url + '/mijn/privacy');
    await page.getByRole('heading', { level: 2, name: 'Uw gegevens meenemen' }).waitFor();
    const id = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).client_ids[0]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download alles wat Passend over u bewaart' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `passend-${id}.json`);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(data.format, 'passend-avg-export');
    assert.equal(data.client_id, id);
    assert.equal(data.client.id, id);
    assert.ok(data.consents.length >= 1, 'her consents are in it');
    assert.ok(data.access_log.length >= 1, 'who looked is in it');
    await capture(page, 'client-privacy-meenemen');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test("a client supporter's look shows in the client's access log by name", async () => {
    const client = await newPage(env.browser);
    await login(client, env.server.url, 'client');
    const id = await client.evaluate(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      return me.client_ids[0];
    });
    const oco = await newPage(env.browser);
    await login(oco, env.server.url, 'oco');
    await oco.goto(`${env.server.url}/caseload/${id}`);
    await oco.locator('.option-list > li').first().waitFor();
    await oco.context().close();

    await client.goto(env.server.url + '/mijn/privacy');
    const line = client
      .locator('.access-log li')
      .filter({ hasText: 'Een cliëntondersteuner van MEE Zuid-Limburg (demo) bekeek uw dossier.' })
      .filter({ hasText: '(met uw toestemming: om u te ondersteunen (cliëntondersteuner, wijkteam))' });
    await line.first().waitFor();
    assert.doesNotMatch(await client.locator('.access-log').innerText(), /cns-|client_support/);
    await capture(client, 'client-privacy-wie-keek');
    expectNoJsErrors(client);
    await client.context().close();
  });

  test('a client cannot open the caseload', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    await page.goto(env.server.url + '/caseload');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina is niet voor u' }).waitFor();
    await capture(page, 'client-geen-toegang');
    await page.context().close();
  });
});

describe('representative', () => {
  test('sees the options of the client she represents', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'representative');
    await page.getByRole('heading', { level: 1, name: /^Opties voor / }).waitFor();
    await page.locator('.option-list > li').first().waitFor();
    await capture(page, 'vertegenwoordiger-opties');
    await page.getByRole('link', { name: 'Mijn privacy' }).click();
    await page.locator('.access-log li').first().waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('client supporter', () => {
  test('finds a client in the caseload and compares options', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'oco');
    assert.equal(new URL(page.url()).pathname, '/caseload');
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const firstName = (await rows.first().locator('a').innerText()).trim();
    await capture(page, 'oco-caseload');
    // Search by name (the API filters).
    await page.getByLabel('Zoek op naam').fill(firstName.split(' ')[0]);
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    assert.ok((await rows.count()) >= 1);
    assert.match(await rows.first().innerText(), new RegExp(firstName.split(' ')[0]));
    // By municipality: the first one a client lives in.
    await page.getByLabel('Zoek op naam').fill('');
    const chosen = (await rows.first().locator('td:nth-child(2)').innerText()).trim();
    await page.getByLabel('Gemeente').selectOption({ label: chosen });
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.waitForFunction(
      (m) => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every((td) => td.textContent === m),
      chosen,
    );
    await rows.first().waitFor();
    for (const cell of await page.locator('tbody tr td:nth-child(2)').allInnerTexts()) {
      assert.equal(cell, chosen);
    }
    // Open a client, compare two options.
    await rows.first().locator('a').click();
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    await page.locator('.option-list > li').nth(1).waitFor();
    await page.getByLabel('Vergelijk mogelijkheid 1', { exact: true }).check();
    await page.getByLabel('Vergelijk mogelijkheid 2', { exact: true }).check();
    await page.getByRole('table').waitFor();
    assert.equal(await page.getByRole('table').locator('thead th').count(), 2);
    await capture(page, 'oco-client-vergelijken');
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('provider', () => {
  test('sees its own offers with free places and waits', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'provider');
    assert.equal(new URL(page.url()).pathname, '/aanbieder');
    await page.getByRole('heading', { level: 1, name: /^Aanbod van / }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 1);
    const summary = await page.getByText(/U heeft \d+ aanbiedingen met samen \d+ vrije plekken\./).innerText();
    assert.match(summary, new RegExp(`U heeft ${await rows.count()} aanbiedingen`));
    await capture(page, 'aanbieder-aanbod');
    // On a phone a card per offer, its free places in sight (the table would hide them
    // beyond the screen's edge): the first card says the first row's numbers.
    const firstRow = await rows.first().locator('td').allInnerTexts();
    const firstName = await rows.first().getByRole('link').innerText();
    await page.setViewportSize({ width: 320, height: 720 });
    assert.equal(await page.locator('table').first().isVisible(), false);
    const card = page.getByRole('list', { name: 'Aanbod, vrije plekken en wachttijd' }).getByRole('listitem').first();
    assert.equal(await card.getByRole('link').innerText(), firstName);
    assert.match(await card.innerText(), new RegExp(`Vrije plekken\\s+${firstRow[2]} van de ${firstRow[3]}`));
    await page.setViewportSize({ width: 1280, height: 900 });
    // Type-ahead over its offers (GET /api/v1/offers?q=, issue 21.5): the rows are the API's
    // answer for what was typed, without accents ("clienten" would find "cliënten").
    const asked = [];
    page.on('request', (r) => r.url().includes('q=') && asked.push(new URL(r.url()).searchParams.get('q')));
    await page.getByLabel('Zoek in uw aanbod').pressSequentially('dem', { delay: 50 });
    await page.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    assert.ok(asked.includes('dem'), JSON.stringify(asked));
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).provider_id);
    const api = await (await fetch(`${env.server.url}/api/v1/offers?provider=${me}&q=dem&limit=500`)).json();
    assert.ok(api.items.length >= 1, "the demo provider has offers for people with dementia");
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, api.items.length);
    assert.deepEqual(
      (await page.locator('tbody tr td:first-child a').allInnerTexts()).map((x) => x.trim()),
      api.items.map((o) => o.name),
    );
    await capture(page, 'aanbieder-aanbod-zoeken');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('downloads the spreadsheet template of the catalogue', async () => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'provider');
    await page.getByRole('heading', { level: 2, name: 'Veel aanbod? Gebruik een spreadsheet' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download het sjabloon (CSV-bestand)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'aanbod_sjabloon.csv');
    let csv = '';
    for await (const chunk of await download.createReadStream()) csv += chunk;
    // The template of docs/formats.md as the repository has it: the header and one example.
    const template = readFileSync(join(repo, 'data', 'aanbod_sjabloon.csv'), 'utf8');
    assert.equal(csv, template);
    assert.match(csv.replace('\ufeff', ''), /^aanbieder_id;aanbieder_naam;/);
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('care office', () => {
  test('reads the mismatch map as chart and tables and downloads the CSV', async () => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'zorgkantoor');
    assert.equal(new URL(page.url()).pathname, '/zorgkantoor');
    await page.getByRole('heading', { level: 1, name: /^Mismatchkaart / }).waitFor({ timeout: 60000 });
    assert.equal(await page.locator('.bar-chart .bar').count(), 15);
    // On a phone the chart's words are as large as the page's text (nothing scaled down).
    await page.setViewportSize({ width: 320, height: 720 });
    const [label, body] = await page.evaluate(() =>
      ['.bar-label', '.utrecht-paragraph'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)),
    );
    assert.ok(label >= body && label >= 16, `chart label ${label} px, body text ${body} px at 320 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const perWish = page.getByRole('region', { name: 'Per wens' });
    assert.ok((await perWish.locator('tbody tr').count()) >= 15);
    await capture(page, 'zorgkantoor-mismatch');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als CSV-bestand' }).first().click(),
    ]);
    assert.match(download.suggestedFilename(), /^mismatch-5531-per-wens\.csv$/);
    const stream = await download.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += chunk;
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0].replace('\ufeff', ''), 'Wens;Sleutel;Cliënten;Deel van de cliënten');
    assert.ok(lines.length > 15);
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('reads the register of providers', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('link', { name: 'Aanbieders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanbieders in de regio' }).waitFor();
    await page.getByText('Alle aanbieders met aanbod in de regio van Zorgkantoor Zuid-Limburg,', { exact: false }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 10);
    await capture(page, 'zorgkantoor-aanbieders');
    expectNoJsErrors(page);
    await page.context().close();
  });
});

// The CIZ (under the consent for the indication) and the care office (its region) may read a
// dossier (client.read, dossier.read) but not change it: a list of clients, the dossier read
// only, the versions.
describe('researcher', () => {
  // A researcher reads the map of its organisation's region only (issue 23.2: the demo's
  // research bureau is for Zuid-Limburg), so the page shows that region without a choice.
  test("a researcher reads the mismatch map of its organisation's region", async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'researcher');
    // Not the search for a place to live: the researcher's own page.
    assert.equal(new URL(page.url()).pathname, '/onderzoek');
    await page.getByRole('heading', { level: 1, name: 'Mismatchkaart Zorgkantoor Zuid-Limburg' }).waitFor({ timeout: 60000 });
    assert.equal(await page.getByLabel('Zorgkantoorregio').count(), 0);
    assert.equal(await page.locator('.bar-chart .bar').count(), 15);
    await capture(page, 'onderzoeker-mismatch');
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('dossier readers', () => {
  test('the CIZ reads the dossier of the client who gave it consent', async () => {
    // The demo's represented client gave the CIZ consent for the indication.
    const rep = await newPage(env.browser);
    await login(rep, env.server.url, 'representative');
    const client = await rep.evaluate(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      return (await fetch(`/api/v1/clients/${me.client_ids[0]}`)).json();
    });
    await rep.context().close();

    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'ciz');
    assert.equal(new URL(page.url()).pathname, '/clienten');
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: client.name });
    await row.waitFor();
    // Only the clients who gave the CIZ consent (few), and no promise of more than there are.
    assert.ok((await page.locator('tbody tr').count()) < 10);
    assert.equal(await page.getByRole('button', { name: 'Meer laden' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Nieuwe cliënt inschrijven' }).count(), 0);
    await capture(page, 'ciz-clienten');
    await row.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier van ${client.name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat nodig is' }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /U kunt dit dossier lezen, niet wijzigen/);
    for (const n of client.needs.filter((x) => x.note)) assert.ok(main.includes(n.note), n.note);
    assert.equal(await page.getByRole('link', { name: /wijzigen|veranderen|samen/i }).count(), 0);
    await capture(page, 'ciz-dossier');
    // The dossier as a FHIR R4 Bundle (issue 20.6), for another care system.
    const [fhir] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als FHIR-bestand (voor een ander zorgsysteem)' }).click(),
    ]);
    assert.equal(fhir.suggestedFilename(), `dossier-${client.id}.fhir.json`);
    let body = '';
    for await (const chunk of await fhir.createReadStream()) body += chunk;
    const bundle = JSON.parse(body);
    assert.equal(bundle.resourceType, 'Bundle');
    assert.ok(bundle.entry.some((e) => e.resource.resourceType === 'QuestionnaireResponse'));
    await page.getByRole('link', { name: 'Eerdere versies bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versies van het dossier' }).waitFor();
    await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    await page.getByRole('link', { name: 'Terug naar de cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    expectNoJsErrors(page);

    // A client who gave the CIZ no consent: the API answers 404, the attempt is in that
    // client's access log (outcome denied), and her privacy page says so in words.
    const own = await newPage(env.browser);
    await login(own, env.server.url, 'client');
    const other = await own.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).client_ids[0]);
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/clients/${id}`)).status, other);
    assert.equal(status, 404);
    await page.context().close();
    await own.goto(`${env.server.url}/mijn/privacy`);
    await own
      .locator('.access-log li')
      .filter({ hasText: /Een medewerker van CIZ \(demo\) probeerde uw \w+( \w+)? te bekijken, maar mocht dat niet\./ })
      .first()
      .waitFor();
    // The role in words, then the organisation's name: never "medewerker van het CIZ van CIZ".
    assert.doesNotMatch(await own.locator('.access-log').innerText(), /van het \w+ van /);
    await own.context().close();
  });

  test('the care office reads a dossier of a client in its region', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('link', { name: 'Cliënten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByText('De cliënten in uw regio.').waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 50);
    await capture(page, 'zorgkantoor-clienten');
    const name = (await rows.first().locator('a').innerText()).trim();
    await rows.first().locator('a').click();
    await page.getByRole('heading', { level: 1, name: `Dossier van ${name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wensen' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /wijzigen|veranderen|samen/i }).count(), 0);
    await capture(page, 'zorgkantoor-dossier');
    // Changing it is not theirs: the change page does not exist under /clienten.
    await page.goto(`${page.url()}/wijzigen`);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });
});
