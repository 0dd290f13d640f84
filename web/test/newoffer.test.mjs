// A new offer (POST /api/v1/offers): the provider adds one of its own from its offers page,
// mistakes said in Dutch at their field (ours before sending, the API's with its field after),
// and lands on the new offer's page; the care office adds one for a provider in its region
// from the register. axe on every state (capture).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capture, expectNoJsErrors, login, newPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

// Fills what an offer needs: its name, who it is for, one care profile, a delivery form.
async function fillOffer(page, name) {
  await page.getByLabel('Naam van het aanbod').fill(name);
  await page.getByLabel('Ouderenzorg (verpleging en verzorging)').check();
  await page.getByLabel(/^5VV: /).check();
  await page.getByLabel('Wonen in een instelling').check();
}

describe('a new offer', () => {
  test('the provider adds one of its own in a few clicks', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'provider');
    await page.getByRole('link', { name: 'Nieuw aanbod toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw aanbod toevoegen' }).waitFor();
    await capture(page, 'aanbieder-nieuw-aanbod');

    // Nothing filled in: the name is asked for first, at its field, nothing sent.
    await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();
    await page.getByText('Vul de naam van het aanbod in.').waitFor();
    assert.equal(await page.getByLabel('Naam van het aanbod').getAttribute('aria-invalid'), 'true');

    const name = `Kleinschalig wonen De Linde ${Date.now() % 1000000}`;
    await fillOffer(page, name);
    // More free places than places in all: said before sending.
    await page.getByRole('textbox', { name: 'Plekken in totaal' }).fill('6');
    await page.getByRole('textbox', { name: 'Vrije plekken' }).fill('7');
    await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();
    await page.getByText('Vul een heel getal in van 0 tot en met 6.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'nieuw-free_places');
    await capture(page, 'aanbieder-nieuw-aanbod-fout');
    await page.getByRole('button', { name: 'Eén minder: Vrije plekken' }).click();
    await page.getByRole('button', { name: 'Eén minder: Vrije plekken' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Vrije plekken' }).inputValue(), '5');

    // The API's own mistake with its field: the field counts characters, the API bytes
    // (200), so 150 letters é are too long for it.
    await page.getByLabel('Naam van het aanbod').fill('é'.repeat(150));
    await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();
    await page.locator('#nieuw-name-error').filter({ hasText: 'Tekst is te lang' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Ongeldige invoer' }).or(page.getByRole('alert')).first().waitFor();
    await capture(page, 'aanbieder-nieuw-aanbod-fout-api');

    await page.getByLabel('Naam van het aanbod').fill(name);
    await page.getByLabel('Contact voor een intake').fill('043 123 45 67');
    await page.getByLabel('Dit is tijdelijk aanbod').check();
    await page.getByText('Kenmerken (niet verplicht)').click();
    await page.getByLabel('Tuin of buitenruimte', { exact: true }).selectOption({ label: 'Ja' });
    await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();

    // The new offer's own page, and the offer as the API has it.
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Het aanbod is toegevoegd.' }).waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.match(id, /^off-/);
    const offer = await (await fetch(`${env.server.url}/api/v1/offers/${id}`)).json();
    assert.equal(offer.name, name);
    assert.equal(offer.provider_id, 'prv-0r1h40zc');
    assert.deepEqual([offer.capacity, offer.free_places, offer.profiles, offer.delivery_forms], [6, 5, ['5VV'], ['verblijf']]);
    assert.equal(offer.temporary, true);
    assert.equal(offer.intake_contact, '043 123 45 67');
    assert.deepEqual(offer.features, [{ feature_id: 'tuin', value: 1 }]);
    await capture(page, 'aanbieder-nieuw-aanbod-opgeslagen');
    expectNoJsErrors(page, [400]);
    await page.context().close();
  });

  test('the care office adds one for a provider in its region', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'zorgkantoor');
    await page.getByRole('link', { name: 'Aanbieders', exact: true }).click();
    const link = page.getByRole('link', { name: /^Aanbod toevoegen voor / }).first();
    await link.waitFor();
    const provider = (await link.innerText()).replace('Aanbod toevoegen voor ', '').trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Nieuw aanbod van ${provider}` }).waitFor();
    // Only locations in the care office's region are offered.
    const locations = await page.getByLabel('Locatie').locator('option').count();
    assert.ok(locations >= 1);
    const name = `Dagbesteding Het Atelier ${Date.now() % 1000000}`;
    await page.getByRole('group', { name: 'Soort zorg' }).getByLabel('Dagbesteding').check();
    await fillOffer(page, name);
    await page.getByRole('textbox', { name: 'Plekken in totaal' }).fill('12');
    await capture(page, 'zorgkantoor-nieuw-aanbod');
    await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/zorgkantoor\/aanbod\/off-/);
    // The care office sets its contract on the new offer's page.
    await page.getByRole('region', { name: 'Contract met Zorgkantoor Zuid-Limburg' }).waitFor();
    // Back leads to the providers it came from, not to the out-of-date offers.
    assert.equal(await page.getByRole('link', { name: 'Terug naar de aanbieders' }).getAttribute('href'), '/zorgkantoor/aanbieders');
    await capture(page, 'zorgkantoor-nieuw-aanbod-opgeslagen');
    expectNoJsErrors(page);
    await page.context().close();
  });
});
