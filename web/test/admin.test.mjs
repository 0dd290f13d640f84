// The administrator (/beheer): the users, a new organisation and a new user for it (every
// mistake said at its field), the new user logging in and landing on their own page, blocked
// (their session ends at once) and let in again; the access log checked against the API.
// Names carry a stamp of this run: the demo database is kept between runs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capture, expectNoJsErrors, login, newPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const stamp = Date.now().toString(36);

describe('administrator', () => {
  test('makes an organisation and a user, blocks and lets them in again, checks the access log', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'admin');
    assert.equal(new URL(page.url()).pathname, '/beheer');
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    const users = await page.evaluate(async () => (await fetch('/api/v1/users?limit=500')).json());
    await page.getByText(`${users.items.length} gebruikers`).waitFor();
    // Every demo user by name, with their role in words.
    await page.getByRole('heading', { level: 2, name: 'Sanne Jansen' }).waitFor();
    assert.match(await page.locator('li', { hasText: 'Sanne Jansen' }).innerText(), /cliëntondersteuner · MEE Zuid-Limburg \(demo\)/);
    await capture(page, 'beheer-gebruikers');

    // A new organisation: what is missing said at the fields, focus on the first.
    await page.getByRole('navigation').getByRole('link', { name: 'Organisaties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByRole('button', { name: 'Organisatie maken' }).click();
    await page.getByText('Vul de naam van de organisatie in.').waitFor();
    await page.getByText('Kies het soort organisatie.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'organisatie-naam');
    const orgName = `Wijkteam Proef ${stamp}`;
    await page.getByLabel('Naam van de organisatie').fill(orgName);
    // A care office needs its region.
    await page.getByLabel('Soort').selectOption({ label: 'Zorgkantoor' });
    await page.getByRole('button', { name: 'Organisatie maken' }).click();
    await page.getByText('Kies de regio van het zorgkantoor.').waitFor();
    await capture(page, 'beheer-organisatie-fouten');
    await page.getByLabel('Soort').selectOption({ label: 'Wijkteam' });
    assert.equal(await page.getByLabel('Zorgkantoorregio').count(), 0);
    await page.getByRole('button', { name: 'Organisatie maken' }).click();
    await page.getByRole('status').filter({ hasText: `${orgName} is gemaakt.` }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(orgName) });
    assert.match(await row.innerText(), /Wijkteam/);
    const orgs = await page.evaluate(async () => (await fetch('/api/v1/organisations')).json());
    const org = orgs.items.find((o) => o.name === orgName);
    assert.equal(org?.kind, 'wijkteam');

    // A new user of that organisation.
    await page.getByRole('navigation').getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('link', { name: 'Een nieuwe gebruiker maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe gebruiker' }).waitFor();
    await page.getByRole('button', { name: 'Gebruiker maken' }).click();
    await page.getByText('Vul de naam in.').waitFor();
    await page.getByText('Vul een e-mailadres in, zoals naam@organisatie.nl.').waitFor();
    await page.getByText('Kies de organisatie.').waitFor();
    await page.getByText('Het wachtwoord is te kort: gebruik minstens 12 tekens.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'gebruiker-naam');
    await capture(page, 'beheer-gebruiker-fouten');
    const email = `proef-${stamp}@wijkteam.example`;
    const password = `proef-${stamp}-wachtwoord`;
    await page.getByLabel('Naam', { exact: true }).fill('Fatima Proef');
    // An e-mail address in use: the API's 409 said at the field.
    await page.getByLabel('E-mailadres').fill('oco@demo.passend.example');
    await page.getByLabel('Organisatie').selectOption({ label: `${orgName} (medewerker van het wijkteam)` });
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Gebruiker maken' }).click();
    await page.getByText('Er is al een gebruiker met dit e-mailadres.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'gebruiker-email');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Gebruiker maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'De gebruiker is gemaakt' }).waitFor();
    await page.getByText(`Fatima Proef kan nu inloggen met ${email}, als medewerker van het wijkteam.`).waitFor();
    await capture(page, 'beheer-gebruiker-gemaakt');

    // The new user logs in and lands on the neighbourhood team's page.
    const theirs = await newPage(env.browser);
    await theirs.goto(`${env.server.url}/inloggen`);
    await theirs.getByLabel('E-mailadres').fill(email);
    await theirs.getByLabel('Wachtwoord').fill(password);
    await theirs.getByRole('button', { name: 'Inloggen' }).click();
    await theirs.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    await theirs.getByText('Ingelogd als Fatima Proef (medewerker van het wijkteam)').waitFor();

    // Blocked: a confirmation first; then their session ends at once.
    await page.getByRole('link', { name: 'Terug naar de gebruikers' }).click();
    await page.getByLabel('Zoek op naam, e-mail of organisatie').fill(stamp);
    await page.getByText('1 gebruiker', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Blokkeren: Fatima Proef' }).click();
    await page.getByText('Weet u het zeker? Fatima Proef kan dan niet meer inloggen.', { exact: false }).waitFor();
    await capture(page, 'beheer-blokkeren');
    await page.getByRole('button', { name: 'Ja, blokkeer' }).click();
    await page.getByRole('status').filter({ hasText: 'Fatima Proef is geblokkeerd en kan niet meer inloggen.' }).waitFor();
    await page.getByRole('button', { name: 'Weer toelaten: Fatima Proef' }).waitFor();
    assert.equal(await theirs.evaluate(async () => (await fetch('/api/v1/auth/me')).status), 401);
    const user = (await page.evaluate(async () => (await fetch('/api/v1/users?limit=500')).json())).items.find(
      (u) => u.email === email,
    );
    assert.equal(user.active, false);
    await page.getByRole('button', { name: 'Weer toelaten: Fatima Proef' }).click();
    await page.getByRole('status').filter({ hasText: 'Fatima Proef kan weer inloggen.' }).waitFor();
    await theirs.goto(`${env.server.url}/inloggen`);
    await theirs.getByLabel('E-mailadres').fill(email);
    await theirs.getByLabel('Wachtwoord').fill(password);
    await theirs.getByRole('button', { name: 'Inloggen' }).click();
    await theirs.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    await theirs.context().close();

    // The access log: whole, with the code to keep elsewhere as the API gives it. The client
    // supporter's caseload is read first, so the log has lines even on a new database.
    const oco = await newPage(env.browser);
    await login(oco, env.server.url, 'oco');
    await oco.locator('tbody tr').first().waitFor();
    await oco.context().close();
    await page.getByRole('navigation').getByRole('link', { name: 'Toegangslog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    await page.getByText(/Het toegangslog is in orde: [\d.]+ regels, niets veranderd of weggehaald\./).waitFor();
    const verify = await page.evaluate(async () => (await fetch('/api/v1/audit/verify')).json());
    assert.equal(verify.intact, true);
    // The code shown is the chain's head when the page asked; the log grows with every read
    // (the check itself included), so it is at most the API's newest.
    const shown = (await page.locator('code.hash').innerText()).split(':');
    assert.ok(Number(shown[0]) > 0 && Number(shown[0]) <= verify.head_seq, `${shown[0]} <= ${verify.head_seq}`);
    assert.match(shown[1], /^[0-9a-f]{64}$/);
    await capture(page, 'beheer-toegangslog');
    // The one failed request is the e-mail address in use (409), on purpose.
    expectNoJsErrors(page, [409]);
    await page.context().close();
  });
});
