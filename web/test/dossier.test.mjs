// The dossier in the browser: the client changes her wishes with the guideline and sees the
// new version and what changed; someone else saving in between is explained and her change
// kept; the report to print. The client supporter searches the caseload through the API,
// registers a new client, goes through the guideline with them, and makes a registration
// form (refused in words without consent). Every check is made on values this run wrote (a
// stamp), never on what was there before: a development server (PASSEND_URL) keeps its
// database between runs (a normal run has its own copy, harness.mjs runDatabase).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capture, expectNoJsErrors, login, newPage, useServerAndBrowser } from './harness.mjs';

const stamp = `${Date.now() % 100000}`;

// Removes the entries (places, wishes in own words) whose field `field` ('#plek-N-wie', N
// their number from 0) matches `earlier`, with the button named `remove` (N from 1).
async function removeEarlier(page, field, earlier, remove) {
  for (let i = 0; ; ) {
    const input = page.locator(field.replace('N', String(i)));
    if ((await input.count()) === 0) return;
    if (earlier.test(await input.inputValue()))
      await page.getByRole('button', { name: remove.replace('N', String(i + 1)), exact: true }).click();
    else i++;
  }
}
const env = useServerAndBrowser();

// A page's own API call (the session cookie and CSRF token of that page's login).
async function apiFrom(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': me.csrf_token,
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, etag: res.headers.get('ETag'), body: await res.json() };
    },
    { method, path, body, headers },
  );
}

async function myClientId(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).client_ids[0]);
}

// Goes to the guideline's step with this title, pressing Volgende.
async function stepTo(page, title) {
  for (let i = 0; i < 12; i++) {
    const h1 = (await page.locator('h1').innerText()).trim();
    if (h1 === title) return;
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForFunction((old) => document.querySelector('h1')?.innerText.trim() !== old, h1);
  }
  throw new Error(`no step ${title}`);
}

describe('client: my dossier', () => {
  test('changes her wishes with the guideline, sees the version and what changed', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    await page.getByRole('link', { name: 'Mijn dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn dossier' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat nodig is' }).waitFor();
    // Needs are shown, not editable by her: a professional records them.
    assert.match(await page.locator('main').innerText(), /Dit heeft een professional vastgelegd/);
    await capture(page, 'client-dossier');

    await page.getByRole('link', { name: 'Mijn wensen veranderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wonen' }).waitFor();
    assert.match(await page.locator('.progress').innerText(), /Stap 1 van 11/);
    // A wish from the guideline's questions, made a must, with her own words.
    const bath = page.getByLabel('Eigen badkamer en toilet', { exact: true });
    if (await bath.isChecked()) await bath.uncheck();
    await bath.check();
    await page.getByLabel('Hoe belangrijk is dit? (Eigen badkamer en toilet)').selectOption('must');
    await page.locator('#woorden-eigen_badkamer').fill(`Met een beugel bij de wc ${stamp}`);
    await capture(page, 'client-dossier-wonen');
    // "Weet ik nog niet" goes on without changing anything.
    await page.getByRole('button', { name: 'Weet ik nog niet, ga verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dagbesteding en werk' }).waitFor();
    // Someone to live near: a new place at the centre of her municipality.
    await stepTo(page, 'Mensen en plekken dichtbij');
    // A development server's database is kept between runs: what earlier runs added goes
    // first (a dossier holds at most 10 places and 20 wishes in own words), which also tries
    // "weghalen".
    await removeEarlier(page, '#plek-N-wie', /^kleindochter Sanne \d+$/, 'Persoon of plek N weghalen');
    await page.getByRole('button', { name: 'Persoon of plek toevoegen' }).click();
    const n = await page.locator('fieldset.place').count();
    await page.locator(`#plek-${n - 1}-wie`).fill(`kleindochter Sanne ${stamp}`);
    await page.locator(`#plek-${n - 1}-waar`).selectOption({ label: 'Heerlen' });
    await page.locator(`#plek-${n - 1}-km`).selectOption('15');
    await capture(page, 'client-dossier-plekken');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nog iets in uw eigen woorden?' }).waitFor();
    await removeEarlier(page, '#eigen-N', /^(Elke ochtend de krant op papier|Mijn kat mag mee) \d+$/, 'Wens N weghalen');
    await page.getByRole('button', { name: 'Een wens in eigen woorden toevoegen' }).click();
    const own = page.locator('textarea').last();
    await own.fill(`Elke ochtend de krant op papier ${stamp}`);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opslaan' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`krant op papier ${stamp}`));
    // A reason is needed.
    await page.getByLabel('Waarom verandert het dossier?').fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Schrijf kort waarom het dossier verandert.').waitFor();
    await capture(page, 'client-dossier-opslaan-reden');
    await page.getByLabel('Waarom verandert het dossier?').fill(`Gesprek met mijn dochter ${stamp}`);
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.getByRole('heading', { level: 1, name: 'Mijn dossier' }).waitFor();
    const main = page.locator('main');
    await main.getByText(`“Elke ochtend de krant op papier ${stamp}”`).waitFor();
    assert.match(await main.innerText(), new RegExp(`Eigen badkamer en toilet \\(Moet echt\\).*beugel bij de wc ${stamp}`));
    assert.match(await main.innerText(), new RegExp(`kleindochter Sanne ${stamp}: hooguit 15 km \\(Belangrijk\\)`));

    // The versions: the newest first chosen, what changed in words.
    await page.getByRole('link', { name: 'Eerdere versies bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versies van het dossier' }).waitFor();
    const change = page.locator('.change-list');
    await change.waitFor();
    assert.match(await change.innerText(), new RegExp(`Erbij:.*krant op papier ${stamp}`));
    assert.match(await page.locator('.version-change').innerText(), /Door Annie Ubachs \(cliënt\)/);
    assert.match(await page.locator('.version-change').innerText(), new RegExp(`Gesprek met mijn dochter ${stamp}`));
    await capture(page, 'client-dossier-versies');
    // An older version can be chosen.
    await page.locator('.version-list a').first().click();
    await page.waitForURL(/versie=/);
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('someone else saved in between: told in Dutch, her change kept', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    const id = await myClientId(page);
    await page.goto(`${env.server.url}/mijn/dossier`);
    await page.getByRole('link', { name: 'Mijn wensen veranderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wonen' }).waitFor();
    await page.getByRole('link', { name: 'Klaar? Ga naar opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opslaan' }).waitFor();
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByRole('button', { name: 'Een wens in eigen woorden toevoegen' }).click();
    await page.locator('textarea').last().fill(`Mijn kat mag mee ${stamp}`);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opslaan' }).waitFor();

    // Meanwhile her client supporter adds a wish.
    const oco = await newPage(env.browser);
    await login(oco, env.server.url, 'oco');
    const read = await apiFrom(oco, 'GET', `/api/v1/clients/${id}`);
    assert.equal(read.status, 200);
    const theirs = [...read.body.wishes, { importance: 'nice', text: `Zingen in een koor ${stamp}` }];
    const saved = await apiFrom(
      oco,
      'PATCH',
      `/api/v1/clients/${id}`,
      { reason: `Belde met de cliënt ${stamp}`, patch: { wishes: theirs } },
      { 'If-Match': read.etag },
    );
    assert.equal(saved.status, 200);
    await oco.context().close();

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Iemand anders heeft het dossier intussen gewijzigd.').waitFor();
    const warning = page.locator('#intussen');
    assert.match(await warning.innerText(), new RegExp(`Zingen in een koor ${stamp}`));
    // Both: hers (typed before) and the other's.
    const list = await page.locator('main').innerText();
    assert.match(list, new RegExp(`Mijn kat mag mee ${stamp}`));
    assert.match(list, new RegExp(`Zingen in een koor ${stamp}`));
    await capture(page, 'client-dossier-intussen-gewijzigd');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn dossier' }).waitFor();
    await page.locator('main').getByText(`“Mijn kat mag mee ${stamp}”`).waitFor();
    await page.locator('main').getByText(`“Zingen in een koor ${stamp}”`).waitFor();
    expectNoJsErrors(page, [412]);
    await page.context().close();
  });

  test('prints the report', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'client');
    await page.goto(`${env.server.url}/mijn/dossier`);
    await page.getByRole('link', { name: 'Verslag afdrukken' }).click();
    await page.getByRole('heading', { level: 1, name: /^Verslag van het gesprek: / }).waitFor();
    assert.match(await page.locator('body').innerText(), /Wat belangrijk is \(wensen\)/);
    await capture(page, 'client-verslag');
    await page.context().close();
  });

  test('the representative sees the dossier of the client she represents', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'representative');
    await page.getByRole('link', { name: 'Mijn dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /^Dossier van / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wensen' }).waitFor();
    await capture(page, 'vertegenwoordiger-dossier');
    expectNoJsErrors(page);
    await page.context().close();
  });
});

describe('client supporter: caseload and dossier', () => {
  test('searches the caseload by name and year of birth through the API', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'oco');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const first = (await rows.first().locator('a').innerText()).trim();
    const year = ((await rows.first().locator('.muted').innerText()).match(/\d{4}/) || [''])[0];
    const part = first.split(' ').pop().slice(0, 4).toLowerCase();
    const apiCalls = [];
    page.on('request', (r) => r.url().includes('/api/v1/clients?') && apiCalls.push(r.url()));
    await page.getByLabel('Zoek op naam').fill(part);
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    await page.waitForFunction(
      (p) => {
        const names = [...document.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent.toLowerCase());
        return names.length > 0 && names.every((n) => n.includes(p));
      },
      part,
    );
    assert.ok(apiCalls.some((u) => new URL(u).searchParams.get('name') === part), 'the API searched by name');
    for (const cell of await page.locator('tbody tr td:first-child a').allInnerTexts()) {
      assert.ok(cell.toLowerCase().includes(part), `${cell} holds ${part}`);
    }
    if (year) {
      await page.getByLabel('Geboortejaar').fill(year);
      await Promise.all([
        page.waitForRequest((r) => new URL(r.url()).searchParams.get('birth_year') === year),
        page.getByRole('button', { name: 'Zoek', exact: true }).click(),
      ]);
      await page.waitForFunction(
        (y) => [...document.querySelectorAll('tbody tr .muted')].every((e) => e.textContent.includes(y)),
        year,
      );
      assert.ok(apiCalls.some((u) => new URL(u).searchParams.get('birth_year') === year));
      assert.match(await rows.first().innerText(), new RegExp(first.split(' ')[0]));
    }
    await capture(page, 'oco-caseload-zoeken');
    // A wrong year is said in words, and nothing is searched.
    await page.getByLabel('Geboortejaar').fill('42');
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.getByText('Vul een jaar in met vier cijfers.').waitFor();
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('registers a new client and goes through the guideline with them', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'oco');
    await page.getByRole('link', { name: 'Nieuwe cliënt inschrijven' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    // Missing facts are said in words.
    await page.getByRole('button', { name: 'Inschrijven en leidraad beginnen' }).click();
    await page.getByText('Vul de naam in.').waitFor();
    await page.getByText('Kies de gemeente.').waitFor();
    await capture(page, 'oco-nieuwe-client-fouten');
    const name = `Truus Testpersoon ${stamp}`;
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Geboortejaar (als u dat weet)').fill('1938');
    await page.getByLabel('Gemeente waar de cliënt nu woont').selectOption({ label: 'Heerlen' });
    await page.getByLabel('Zorgprofiel (als u dat weet)').selectOption('5VV');
    await page.getByRole('radio', { name: 'Ja, er is een indicatie' }).check();
    await capture(page, 'oco-nieuwe-client');
    await page.getByRole('button', { name: 'Inschrijven en leidraad beginnen' }).click();

    // Straight into the guideline for this client.
    await page.getByRole('heading', { level: 1, name: 'Wonen' }).waitFor();
    assert.match(await page.locator('.progress').innerText(), new RegExp(`Dossier van ${name}`));
    await page.getByLabel('Tuin of buitenruimte', { exact: true }).check();
    await page.getByLabel('Hoe belangrijk is dit? (Tuin of buitenruimte)').selectOption('must');
    await stepTo(page, 'Vrije tijd en wat u belangrijk vindt');
    await page.getByLabel('Begeleiders spreken Limburgs dialect', { exact: true }).check();
    await capture(page, 'oco-leidraad-samen');
    // A professional's step: what is needed, with where it comes from.
    await stepTo(page, 'Wat nodig is');
    await page.getByLabel('Iets toevoegen dat nodig is').selectOption({ label: 'Deskundig in dementie' });
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByLabel(/^Waar komt dit vandaan\?/).fill('indicatie 5VV');
    await capture(page, 'oco-leidraad-nodig');
    await page.getByRole('link', { name: 'Klaar? Ga naar opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opslaan' }).waitFor();
    assert.equal(await page.getByLabel('Waarom verandert het dossier?').inputValue(), 'Leidraad samen met de cliënt doorlopen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier van ${name}` }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Tuin of buitenruimte \(Moet echt\)/);
    assert.match(text, /Begeleiders spreken Limburgs dialect \(Belangrijk\)/);
    assert.match(text, /Dit is versie 2\./);
    assert.match(text, /Deskundig in dementie \(indicatie 5VV\)/);
    await capture(page, 'oco-dossier');

    // The caseload finds the new client by name.
    await page.goto(`${env.server.url}/caseload`);
    await page.getByLabel('Zoek op naam').fill(`Testpersoon ${stamp}`);
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 cliënt gevonden' }).waitFor();
    await page.getByRole('link', { name }).click();
    await page.locator('.option-list > li').first().waitFor();
    // No consent for any provider yet: the registration form is refused, in words.
    await page.locator('.form-link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Aanmeldformulier' }).waitFor();
    await page.getByText('De cliënt heeft nog geen toestemming gegeven voor deze aanbieder.').waitFor();
    await capture(page, 'oco-aanmeldformulier-geen-toestemming');
    expectNoJsErrors(page, [409]);
    await page.context().close();
  });

  test('makes the registration form for an offer the client consented to', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'oco');
    // The demo client consented to care by the demo provider: one of its offers.
    const client = await newPage(env.browser);
    await login(client, env.server.url, 'client');
    const id = await myClientId(client);
    await client.context().close();
    const offer = await apiFrom(page, 'GET', '/api/v1/offers?provider=prv-0r1h40zc&limit=1');
    assert.equal(offer.status, 200);
    const o = offer.body.items[0];
    await page.goto(`${env.server.url}/caseload/${id}/aanmelden?aanbod=${o.id}`);
    await page.getByText('De cliënt gaf toestemming voor deze aanbieder.').waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(o.name));
    await capture(page, 'oco-aanmeldformulier');
    await page.getByRole('link', { name: 'Aanmeldformulier openen en afdrukken' }).click();
    await page.getByRole('heading', { level: 1, name: /Aanmeld/ }).waitFor();
    assert.match(await page.locator('body').innerText(), new RegExp(o.name));
    await page.context().close();
  });
});
