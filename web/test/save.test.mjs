// Keeping the anonymous search: nothing is stored until the person chooses to save; then an
// account and a dossier from the same answers, logged in at once. One registration per run:
// the API throttles them per address (10 an hour), and a development server (PASSEND_URL)
// keeps its database between runs, so the e-mail address carries a stamp.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capture, expectNoJsErrors, newPage, useServerAndBrowser } from './harness.mjs';

const stamp = `${Date.now() % 1000000}`;
const env = useServerAndBrowser();

describe('saving the anonymous search', () => {
  test('a daughter saves her search for her mother as a dossier with an account', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/zoeken');
    await page.getByLabel('Gemeente').selectOption({ label: 'Maastricht' });
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByLabel('Tuin of buitenruimte').check();
    await page.locator('#belang-tuin').selectOption('must');
    // The other life domains and the people nearby: Volgende up to the overview.
    for (let i = 0; i < 9; i++) await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Laat de mogelijkheden zien' }).click();
    await page.locator('.option-list > li').first().waitFor();
    await page.getByRole('link', { name: 'Antwoorden bewaren met een account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw antwoorden bewaren' }).waitFor();

    // Mistakes are said in words before anything is sent.
    await page.getByLabel('Voor iemand anders').check();
    await page.getByRole('button', { name: 'Account maken en bewaren' }).click();
    await page.getByText('Vul de naam in van wie u vertegenwoordigt.').waitFor();
    await page.getByText('Vul uw naam in.').waitFor();
    await page.getByText('Kies een wachtwoord van minstens 12 tekens.').waitFor();
    await capture(page, 'bewaren-fouten');

    const mother = `Mia Bosch ${stamp}`;
    await page.getByLabel('Naam van wie u vertegenwoordigt').fill(mother);
    await page.getByLabel(/^Wat bent u van deze persoon\?/).fill('dochter');
    await page.getByLabel(/^Geboortejaar van deze persoon/).fill('1941');
    await page.getByLabel('Uw naam').fill('Ans Bosch');
    await page.getByLabel('E-mailadres').fill(`ans-${stamp}@voorbeeld.nl`);
    await page.getByLabel('Wachtwoord').fill('rozen in de tuin van mama');
    await capture(page, 'bewaren');
    await page.getByRole('button', { name: 'Account maken en bewaren' }).click();

    // Logged in, on the new dossier, which holds the answers.
    await page.getByRole('heading', { level: 1, name: `Dossier van ${mother}` }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/mijn/dossier');
    assert.match(await page.locator('main').innerText(), /Tuin of buitenruimte \(Moet echt\)/);
    await page.getByText('Ingelogd als Ans Bosch (vertegenwoordiger)', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).waitFor();
    await capture(page, 'bewaren-dossier');
    expectNoJsErrors(page);
    await page.context().close();
  });
});
