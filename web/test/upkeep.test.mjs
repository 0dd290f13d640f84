// Keeping offers current: the provider sees which offers may be out of date, changes free
// places and the wait in a few clicks (wrong numbers said in words), confirms numbers that
// are still right, and reads who changed what. The options (anonymous) show when an offer
// was last updated and "mogelijk verouderd" where the API says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ageOffers,
  bin,
  capture,
  expectNoJsErrors,
  login,
  newPage,
  outDir,
  useServerAndBrowser,
} from './harness.mjs';

const env = useServerAndBrowser();

const longAgo = () => new Date(Date.now() - 90 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
const PROVIDER = 'prv-0r1h40zc'; // the demo provider's (passend user demo)

describe('provider', () => {
  test('updates free places and the wait of an offer that may be out of date', async () => {
    const list = await (await fetch(`${env.server.url}/api/v1/offers?provider=${PROVIDER}&limit=1`)).json();
    const offer = list.items[0];
    await ageOffers(env.server, [offer.id], longAgo());

    const page = await newPage(env.browser);
    await login(page, env.server.url, 'provider');
    const row = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: offer.name, exact: true }) });
    await row.waitFor();
    assert.match(await row.innerText(), /mogelijk verouderd/);
    await page.getByText(/(aanbod is|aanbiedingen zijn) mogelijk verouderd/).waitFor();
    await capture(page, 'aanbieder-aanbod-verouderd');

    await row.getByRole('link', { name: offer.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: offer.name }).waitFor();
    await page.getByText('Dit aanbod is al lang niet bijgewerkt.', { exact: false }).waitFor();
    await capture(page, 'aanbieder-bijwerken');

    // A number above the capacity is said in words, nothing is sent.
    const free = page.getByRole('textbox', { name: 'Vrije plekken' });
    await free.fill(String(offer.capacity + 1));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(`Vul een heel getal in van 0 tot en met ${offer.capacity}.`).waitFor();
    await capture(page, 'aanbieder-bijwerken-fout');

    // A few clicks: one place more (or less when full), one week longer.
    const current = (await (await fetch(`${env.server.url}/api/v1/offers/${offer.id}`)).json());
    await free.fill(String(current.free_places));
    const up = current.free_places < current.capacity;
    await page.getByRole('button', { name: `Eén ${up ? 'meer' : 'minder'}: Vrije plekken` }).click();
    const wantFree = current.free_places + (up ? 1 : -1);
    assert.equal(await free.inputValue(), String(wantFree));
    await page.getByRole('button', { name: 'Eén meer: Verwachte wachttijd in weken' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen. Mensen zien de nieuwe getallen meteen.' }).waitFor();
    // Current again: the warning is gone, the history says who changed what.
    await page.waitForFunction(() => !document.querySelector('.offer-edit .utrecht-alert--warning'));
    const now = await (await fetch(`${env.server.url}/api/v1/offers/${offer.id}`)).json();
    assert.equal(now.free_places, wantFree);
    assert.equal(now.waiting_weeks, current.waiting_weeks + 1);
    assert.equal(now.maybe_outdated, false);
    const history = page.getByRole('region', { name: 'Wat is er veranderd?' });
    await history.waitFor();
    const lines = await history.locator('tbody tr').allInnerTexts();
    assert.ok(lines.some((l) => /U\s+Vrije plekken\s+\d+\s+/.test(l) && l.trim().endsWith(String(wantFree))), lines.join('\n'));
    assert.ok(lines.some((l) => /U\s+Verwachte wachttijd in weken/.test(l)));
    await capture(page, 'aanbieder-bijgewerkt');

    // Nothing changed: saving says the numbers are still right.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'de getallen kloppen nog' }).waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('options', () => {
  test('show when the provider last updated an offer, and "mogelijk verouderd"', async () => {
    // The ranking halves the wait's part for an offer that may be out of date, so one aged
    // offer drops out of the ten shown: every offer for a short stay (logeren) in the region
    // is aged, so whichever ten are shown say so.
    const logeren = await (await fetch(`${env.server.url}/api/v1/offers?region=5531&kind=logeren&limit=500`)).json();
    await ageOffers(env.server, logeren.items.filter((o) => !o.maybe_outdated).map((o) => o.id), longAgo());
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/zoeken');
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/v1/zoeken?arrangements=true&limit=10', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ municipality_code: 'GM0935', seeking: ['logeren'], wishes: [], places: [] }),
      });
      return res.json();
    });
    const outdated = answer.offers.filter((o) => o.explanation.parts.some((p) => p.maybe_outdated));
    assert.equal(outdated.length, answer.offers.length, 'every short stay shown may be out of date');

    await page.getByLabel('Gemeente').selectOption({ label: 'Maastricht' });
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByLabel('Logeren').check();
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Laat de mogelijkheden zien' }).click();
    const cards = page.locator('.option-list > li');
    await cards.first().waitFor();
    // Every option says when it was updated; the outdated ones say so.
    for (const text of await cards.allInnerTexts()) assert.match(text, /Bijgewerkt\s+\d{1,2} \w+ \d{4}/);
    assert.equal(await page.locator('.option-list .badge-outdated').count(), outdated.length);
    const card = cards.filter({ has: page.locator('.badge-outdated') }).first();
    assert.match(await card.innerText(), /mogelijk verouderd/);
    await card.scrollIntoViewIfNeeded();
    await capture(page, 'opties-verouderd');
    expectNoJsErrors(page);
    await page.context().close();
  });
});

// The care office's side (issue 21.2): the offers of its region that may be out of date, an
// offer's contract for its region, and the register of providers.
describe('care office', () => {
  test('chases out-of-date offers and sets an offer contract', async () => {
    // Whatever the run before left, at least one offer of the region is out of date.
    const logeren = await (await fetch(`${env.server.url}/api/v1/offers?region=5531&kind=logeren&limit=5`)).json();
    await ageOffers(env.server, logeren.items.filter((o) => !o.maybe_outdated).map((o) => o.id), longAgo());
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('link', { name: 'Verouderd aanbod' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mogelijk verouderd aanbod' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    await capture(page, 'zorgkantoor-verouderd');
    const name = (await rows.first().locator('a').innerText()).trim();
    await rows.first().locator('a').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const section = page.getByRole('region', { name: 'Contract met Zorgkantoor Zuid-Limburg' });
    await section.waitFor();
    const before = await section.innerText();
    const inKind = /in natura ingekocht/.test(before);
    await section.getByRole('button', { name: inKind ? 'Niet meer inkopen (alleen pgb)' : 'Inkopen in natura' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: inKind ? 'alleen met een pgb te krijgen' : 'nu in natura ingekocht' })
      .waitFor();
    const history = page.getByRole('region', { name: 'Wat is er veranderd?' });
    await history.getByText('Contract met Zorgkantoor Zuid-Limburg').first().waitFor();
    // Before and after in words, not the API's in_kind / pgb_only (the newest change first).
    const words = ['In natura ingekocht', 'Alleen met een pgb'];
    assert.deepEqual(
      (await history.locator('tbody tr').first().locator('td').allInnerTexts()).slice(3),
      inKind ? words : [...words].reverse(),
    );
    await capture(page, 'zorgkantoor-aanbod-contract');
    // And back, so the demo stays as it was.
    await section.getByRole('button', { name: inKind ? 'Inkopen in natura' : 'Niet meer inkopen (alleen pgb)' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: inKind ? 'nu in natura ingekocht' : 'alleen met een pgb te krijgen' })
      .waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('approves a submitted provider and suspends it with a reason', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    const name = `Zorghuis De Proef ${Date.now() % 1000000}`;
    const made = await page.evaluate(async (n) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch('/api/v1/providers', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({ name: n }),
      });
      return { status: res.status, body: await res.json() };
    }, name);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Register van aanbieders' }).waitFor();
    const item = page.locator('.register-item').filter({ hasText: name });
    await item.waitFor();
    await capture(page, 'zorgkantoor-register');
    await item.getByRole('button', { name: `Toelaten: ${name}` }).click();
    await page.getByRole('status').filter({ hasText: `${name} is toegelaten.` }).waitFor();

    await page.getByRole('radio', { name: 'Toegelaten', exact: true }).check();
    const approved = page.locator('.register-item').filter({ hasText: name });
    await approved.getByRole('button', { name: `Schorsen: ${name}` }).click();
    await approved.getByRole('button', { name: 'Ja, schors' }).click();
    await approved.getByText('Schrijf kort waarom u schorst.').waitFor();
    await approved.getByLabel('Waarom schorst u deze aanbieder?').fill('Geen toelating van de IGJ');
    await capture(page, 'zorgkantoor-register-schorsen');
    await approved.getByRole('button', { name: 'Ja, schors' }).click();
    await page.getByRole('status').filter({ hasText: `${name} is geschorst.` }).waitFor();
    await page.getByRole('radio', { name: 'Geschorst' }).check();
    await page.locator('.register-item').filter({ hasText: name }).getByRole('button', { name: `Weer toelaten: ${name}` }).waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });
});

// A new provider (issue 21.2's POST /api/v1/providers): its staff log in to an account made
// for a provider the register does not have yet, are told their offers are not public, submit
// their organisation (mistakes said in words; a second time is told it is there already);
// the care office finds it under "aangemeld" and approves it; then the provider's page is its own.
describe('new provider', () => {
  test('submits itself to the register and the care office approves it', async () => {
    assert.ok(env.server.db, 'the database of the server (PASSEND_DB with PASSEND_URL)');
    const stamp = `${Date.now() % 1000000}`;
    const email = `nieuw-${stamp}@zorgboerderij.example`;
    const password = 'koeien en kippen op het erf';
    const file = join(outDir, `wachtwoord-${process.pid}.txt`);
    writeFileSync(file, `${password}\n`);
    const made = spawnSync(
      bin,
      ['user', 'add', '--db', env.server.db, '--email', email, '--name', 'Anouk Smeets', '--role', 'provider',
        '--organisation', `org-nieuw-${stamp}`, '--organisation-name', `Zorgboerderij De Hoeve ${stamp}`,
        '--provider', `prv-nieuw-${stamp}`, '--password-file', file],
      { encoding: 'utf8' },
    );
    rmSync(file, { force: true });
    assert.equal(made.status, 0, made.stderr);
    const name = `Zorgboerderij De Hoeve ${stamp}`;

    const page = await newPage(env.browser);
    await page.goto(`${env.server.url}/inloggen`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => u.pathname === '/aanbieder');
    await page.getByText('Uw organisatie is nog niet toegelaten in het register').waitFor();
    await capture(page, 'nieuwe-aanbieder-niet-toegelaten');
    await page.getByRole('link', { name: 'Uw organisatie aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw organisatie aanmelden' }).waitFor();
    // Mistakes said in words, the fields marked.
    await page.getByLabel('KvK-nummer').fill('1234 567');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Vul de naam in.').waitFor();
    await page.getByText('Dit nummer heeft niet 8 cijfers.', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Naam van uw organisatie').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'aanmelden-name');
    await capture(page, 'nieuwe-aanbieder-aanmelden-fouten');
    await page.getByLabel('Naam van uw organisatie').fill(name);
    await page.getByLabel('Website').fill('https://dehoeve.example');
    await page.getByLabel('Mijn organisatie is nieuw en klein').check();
    await page.getByLabel('KvK-nummer').fill('');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelding ontvangen' }).waitFor();
    await page.getByRole('status').filter({ hasText: `${name} is aangemeld bij het register.` }).waitFor();
    await capture(page, 'nieuwe-aanbieder-aangemeld');
    // A second time: the register has it.
    await page.goto(`${env.server.url}/aanbieder/aanmelden`);
    await page.getByLabel('Naam van uw organisatie').fill(name);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Uw organisatie staat al in het register.').waitFor();
    expectNoJsErrors(page, [404, 409]);

    // The care office sees it submitted, with what was filled in, and approves it.
    const office = await newPage(env.browser);
    await login(office, env.server.url, 'zorgkantoor');
    await office.getByRole('link', { name: 'Register', exact: true }).click();
    const item = office.locator('.register-item').filter({ hasText: name });
    await item.waitFor();
    assert.match(await item.innerText(), /dehoeve\.example/);
    await item.getByRole('button', { name: `Toelaten: ${name}` }).click();
    await office.getByRole('status').filter({ hasText: `${name} is toegelaten.` }).waitFor();
    expectNoJsErrors(office);
    await office.context().close();

    // Approved: the provider's page is its own now (no offers yet).
    await page.goto(`${env.server.url}/aanbieder`);
    await page.getByRole('heading', { level: 1, name: `Aanbod van ${name}` }).waitFor();
    await page.context().close();
  });

  test('the care office submits a provider from its register page', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    await page.goto(`${env.server.url}/zorgkantoor/register`);
    await page.getByRole('link', { name: 'Een nieuwe aanbieder aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Een aanbieder aanmelden' }).waitFor();
    const name = `Kleinschalig Wonen Het Erf ${Date.now() % 1000000}`;
    // By keyboard only: from the heading (focused after navigation) Tab to the name, type,
    // Tab past the website to the box "nieuw en klein", Space, Enter sends the form.
    // The router moves the focus in the frame after the page is drawn: wait for it (a few
    // seconds at most) rather than reading it the moment the heading appears.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'aanmelden-name');
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'aanmelden-klein');
    await page.keyboard.press('Space');
    assert.ok(await page.getByLabel('De aanbieder is nieuw en klein').isChecked());
    await capture(page, 'zorgkantoor-aanbieder-aanmelden');
    await page.getByLabel('Naam van de aanbieder').press('Enter');
    await page.getByRole('status').filter({ hasText: `${name} is aangemeld bij het register.` }).waitFor();
    await page.getByRole('link', { name: 'Terug naar het register' }).click();
    const item = page.locator('.register-item').filter({ hasText: name });
    await item.waitFor();
    assert.match(await item.innerText(), /nieuw en klein/);
    expectNoJsErrors(page);
    await page.context().close();
  });
});

// The catalogue in files (issue 21.4's /api/v1/catalog/...): the care office downloads the
// whole catalogue for Excel, and reads in a filled-in template: a row with a mistake refuses
// the whole file (said per row and column, nothing written), or only the good rows go in.
describe('care office files', () => {
  test('downloads the catalogue and reads in a filled-in template', async () => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('link', { name: 'Bestanden', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanbod in bestanden' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV-bestand (voor Excel)' }).click(),
    ]);
    let csv = '';
    for await (const chunk of await download.createReadStream()) csv += chunk;
    assert.match(csv, /^\ufeffaanbieder_id;aanbieder_naam;/);
    const offers = await (await fetch(`${env.server.url}/api/v1/offers?limit=1`)).json();
    assert.ok(csv.includes(offers.items[0].id), 'an offer of the catalogue is in the file');

    // Reading in without a file is explained.
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('Kies eerst een bestand.').waitFor();
    // The template's example row, and a copy of it whose capacity is a word: row 3.
    const template = await (await fetch(`${env.server.url}/api/v1/catalog/csv-template`)).text();
    const [header, example] = template.replace(/\r?\n$/, '').split(/\r?\n/);
    assert.ok(example.includes(';off-voorbeeld;') && example.includes(';16;2;3;6;'), example);
    const wrong = example.replace(';off-voorbeeld;', ';off-voorbeeld-fout;').replace(';16;2;3;6;', ';veel;2;3;6;');
    const file = { name: 'aanbod.csv', mimeType: 'text/csv', buffer: Buffer.from([header, example, wrong].join('\r\n') + '\r\n') };
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Inlezen' }).click();
    // 'veel' is no number, and then the free places are above the capacity: two mistakes.
    await page.getByText('Er zijn 2 fouten gevonden. Er is niets ingelezen.').waitFor();
    const problems = page.getByRole('region', { name: 'Wat er fout is' });
    assert.match(await problems.innerText(), /rij 3\s+capaciteit/);
    await capture(page, 'zorgkantoor-bestand-fout');
    assert.equal((await fetch(`${env.server.url}/api/v1/offers/off-voorbeeld-fout`)).status, 404);

    await page.getByLabel('Lees alleen de goede regels in').check();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByRole('status').filter({ hasText: 'Ingelezen. Aanbod: 1. Locaties: 1. Aanbieders: 1.' }).waitFor();
    assert.match(await page.getByRole('status').innerText(), /1 regel had een fout en is niet ingelezen\./);
    await capture(page, 'zorgkantoor-bestand-ingelezen');
    assert.equal((await fetch(`${env.server.url}/api/v1/offers/off-voorbeeld`)).status, 200);
    expectNoJsErrors(page, [400]);
    await page.context().close();
  });
});

