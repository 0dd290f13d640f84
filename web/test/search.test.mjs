// The anonymous search: the guideline step by step (a missing answer explained, "weet ik
// nog niet", own words, a person nearby, read aloud), then the options with explanation,
// mismatch, combinations, comparison of up to three and the map.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capture, expectNoJsErrors, newPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

// Records what the page asks the browser to say (headless Chromium has no voices).
const RECORD_SPEECH = () => {
  window.__spoken = [];
  const synth = window.speechSynthesis;
  synth.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  synth.cancel = () => {};
};

describe('anonymous search', () => {
  test('an 84-year-old and her daughter find options step by step', async () => {
    const page = await newPage(env.browser);
    await page.addInitScript(RECORD_SPEECH);
    await page.goto(env.server.url + '/');
    await page.getByRole('link', { name: 'Begin met zoeken' }).click();

    // Step 1: where. Next without a municipality says what is missing.
    await page.getByRole('heading', { level: 1, name: 'Waar woont u nu?' }).waitFor();
    assert.match(await page.getByText(/Stap 1 van 12/).innerText(), /Stap 1 van 12/);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Kies eerst uw gemeente. Dat is nodig om te zoeken.').waitFor();
    assert.equal(await page.getByLabel('Gemeente').getAttribute('aria-invalid'), 'true');
    await capture(page, 'zoeken-1-gemeente-fout');
    await page.getByLabel('Gemeente').selectOption({ label: 'Maastricht' });
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Step 2: what kind of care, and the profile.
    await page.getByRole('heading', { level: 1, name: 'Wat voor zorg zoekt u?' }).waitFor();
    await page.getByLabel('Een plek om te wonen, met zorg').check();
    await page.getByLabel('Dagbesteding', { exact: true }).check();
    await page.getByLabel('Zorgprofiel (als u dat weet)').selectOption('5VV');
    await capture(page, 'zoeken-2-soort');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Step 3: living; read aloud; a must, a level, own words.
    await page.getByRole('heading', { level: 1, name: 'Wonen' }).waitFor();
    await page.getByRole('button', { name: 'Lees voor' }).click();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'nl-NL');
    assert.match(spoken[0].text, /Stap 3 van 12\. Wonen\. Hoe wilt u wonen\?.*Tuin of buitenruimte/);
    await page.getByLabel('Tuin of buitenruimte').check();
    await page.locator('#belang-tuin').selectOption('must');
    await page.getByLabel('Rust in huis en omgeving').check();
    await page.locator('#niveau-rustige_omgeving').selectOption('3');
    await page.getByLabel('In uw eigen woorden').fill('Samen koffie drinken na de mis');
    await capture(page, 'zoeken-3-wonen');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Step 4 (day activities): "weet ik nog niet".
    await page.getByRole('heading', { level: 1, name: 'Overdag: dagbesteding en werk' }).waitFor();
    await page.getByRole('button', { name: 'Weet ik nog niet, sla over' }).click();
    // Steps 5 to 10: skip by keyboard only (the focus is on the new heading, Enter on the
    // buttons).
    for (const title of [
      'Familie, vrienden en bezoek',
      'Zelf doen en hulp bij de dag',
      'Gezondheid en zorg',
      'Veiligheid',
      'Vrije tijd, geloof en taal',
      'Geld en regelen',
    ]) {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      if (title === 'Gezondheid en zorg') {
        await page.getByLabel('Deskundig in dementie').check();
        await capture(page, 'zoeken-7-gezondheid');
      }
      await page.getByRole('button', { name: 'Weet ik nog niet, sla over' }).focus();
      await page.keyboard.press('Enter');
    }

    // Step 11: the daughter, within 10 km.
    await page.getByRole('heading', { level: 1, name: 'Mensen en plekken dichtbij' }).waitFor();
    await page.getByRole('button', { name: 'Persoon of plek toevoegen' }).click();
    await page.getByLabel('Wie of wat? (bijvoorbeeld: dochter Anja)').fill('dochter Anja');
    await page.getByLabel('In welke gemeente?').selectOption({ label: 'Meerssen' });
    await page.getByLabel('Hoe ver mag het hooguit zijn?').selectOption('10');
    await capture(page, 'zoeken-11-mensen');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Step 12: the overview.
    await page.getByRole('heading', { level: 1, name: 'Uw antwoorden' }).waitFor();
    const overview = await page.locator('dl.overview').innerText();
    assert.match(overview, /Maastricht/);
    assert.match(overview, /Tuin of buitenruimte \(Moet echt\)/);
    assert.match(overview, /Samen koffie drinken na de mis/);
    assert.match(overview, /dochter Anja in Meerssen, hooguit 10 km/);
    await capture(page, 'zoeken-12-overzicht');
    await page.getByRole('button', { name: 'Laat de mogelijkheden zien' }).click();

    // The options.
    await page.getByRole('heading', { level: 1, name: 'Uw mogelijkheden' }).waitFor();
    await page.locator('.option-list > li').first().waitFor();
    const first = page.locator('.option-list > li').first();
    const text = await first.innerText();
    assert.match(text, /Aanbieder/);
    assert.match(text, /Wachten/);
    assert.match(text, /Betalen/);
    assert.match(text, /dochter Anja: \d+(,\d)? km/);
    assert.match(text, /Tuin of buitenruimte/);
    assert.match(text, /Samen koffie drinken na de mis/, 'own words are shown as not known');
    assert.ok((await page.locator('.option-list > li').count()) >= 3);
    // Quality (issue 21.6) only with its source and date, never a bare number: a review
    // score with its count, source and month on some card, and no "8 van de 10" anywhere.
    const cards = (await page.locator('.option-list > li').allInnerTexts()).join('\n');
    assert.match(
      cards,
      /\d+(,\d)? uit \d+ beoordelingen? op ZorgkaartNederland, (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d/,
    );
    assert.doesNotMatch(cards, /\d van de 10(?!\d)/);
    for (const q of await page.locator('.option-list dd.quality li').allInnerTexts())
      assert.match(q, /(ZorgkaartNederland|Inspectie Gezondheidszorg en Jeugd).* 20\d\d$/, q);
    // The map: the options, home and the daughter.
    await page.locator('svg.map circle[r="13"]').first().waitFor();
    assert.ok((await page.locator('svg.map circle[r="13"]').count()) >= 3);
    assert.equal(await page.locator('svg.map path').count(), 1, 'one triangle: the daughter');
    // No town's name lies under an option's marker or over another town's name.
    const clashes = await page.evaluate(() => {
      const svg = document.querySelector('svg.map');
      const box = (e) => e.getBBox();
      const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      const towns = [...svg.querySelectorAll('text[fill="#4a4a4a"]')];
      const markers = [...svg.querySelectorAll('circle[r="13"]')].map(box);
      const out = [];
      towns.forEach((t, i) => {
        const b = box(t);
        if (markers.some((m) => hit(b, m))) out.push(`${t.textContent} under an option`);
        towns.slice(i + 1).forEach((u) => hit(b, box(u)) && out.push(`${t.textContent} over ${u.textContent}`));
      });
      return { out, towns: towns.length };
    });
    assert.deepEqual(clashes.out, []);
    assert.ok(clashes.towns >= 3, `${clashes.towns} towns named on the map`);
    await capture(page, 'opties-lijst');

    // Compare three side by side; a fourth cannot be ticked.
    for (const n of [1, 2, 3]) await page.getByLabel(`Vergelijk mogelijkheid ${n}`, { exact: true }).check();
    assert.ok(await page.getByLabel("Vergelijk mogelijkheid 4", { exact: true }).isDisabled());
    await page.getByRole('link', { name: 'Bekijk ze naast elkaar' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    assert.ok(await page.getByRole('heading', { name: 'Naast elkaar' }).isVisible());
    // Wait (up to 5 s) until the heading is in view. Scrolled to the top it may sit a
    // fraction of a pixel above it (-0.3 px seen), so the top counts from -1.
    const inView = await page
      .waitForFunction(
        () => {
          const r = document.getElementById('vergelijk-titel').getBoundingClientRect();
          return r.top > -1 && r.top < window.innerHeight;
        },
        null,
        { timeout: 5000 },
      )
      .then(() => true, () => false);
    assert.ok(inView, 'the link brings the comparison into view');
    assert.equal(await table.locator('thead th').count(), 3);
    assert.match(await table.innerText(), /Afstand tot dochter Anja/);
    await capture(page, 'opties-vergelijken');

    // Combinations (living + day activities).
    await page.getByRole('button', { name: /Combinaties \(\d+\)/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Combinaties van aanbod' }).waitFor();
    assert.match(await page.locator('.option-list > li').first().innerText(), / \+ /);
    await capture(page, 'opties-combinaties');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('a must that no option offers shows as the mismatch', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/zoeken');
    await page.getByLabel('Gemeente').selectOption({ label: 'Vaals' });
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByLabel('Zorg thuis').check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByLabel('Tuin of buitenruimte').waitFor();
    for (let i = 0; i < 8; i++) {
      if (i === 4) {
        // Health: three rare musts at once.
        for (const label of ['Zorg bij beademing', 'Begeleiding in gebarentaal', 'Deskundig in Korsakov']) {
          await page.getByLabel(label).check();
          await page.locator(`select[id^="belang-"]`).last().selectOption('must');
        }
      }
      await page.getByRole('button', { name: 'Volgende' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Mensen en plekken dichtbij' }).waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Laat de mogelijkheden zien' }).click();
    const mismatch = page.getByRole('region', { name: 'Wat geen enkele mogelijkheid biedt' });
    await mismatch.waitFor();
    assert.match(await mismatch.innerText(), /Moet echt/);
    await capture(page, 'opties-mismatch');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('the options page without answers sends you to the first step', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/zoeken/opties');
    await page.getByText('U heeft nog niets ingevuld. Begin bij de eerste stap.').waitFor();
    await capture(page, 'opties-leeg');
    await page.context().close();
  });
});
