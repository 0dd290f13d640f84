// The start page, the help box on every page, the language, the route fallback and login
// errors, with JavaScript on and off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import contact from '../src/contact.json' with { type: 'json' };
import {
  capture,
  expectNoJsErrors,
  login,
  newPage,
  useServerAndBrowser,
} from './harness.mjs';

const env = useServerAndBrowser();

describe('start page', () => {
  test('says what Passend is and how to reach a client supporter', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Zorg vinden die bij u past' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    const help = page.locator('#hulp');
    await assert.doesNotReject(help.getByRole('link', { name: contact.phone }).waitFor());
    assert.equal(
      await help.getByRole('link', { name: contact.phone }).getAttribute('href'),
      `tel:${contact.phone_href}`,
    );
    assert.match(await page.title(), /Start – Passend/);
    await capture(page, 'start');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('without JavaScript the start page still reaches a client supporter', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    await page.goto(env.server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Zorg vinden die bij u past' }).waitFor();
    assert.ok(await page.getByText('Zoeken kan alleen met JavaScript aan').isVisible());
    const phone = page.locator('#hulp').getByRole('link', { name: contact.phone });
    assert.ok(await phone.isVisible());
    assert.equal(await phone.getAttribute('href'), `tel:${contact.phone_href}`);
    const mail = page.locator('#hulp').getByRole('link', { name: contact.email });
    assert.equal(await mail.getAttribute('href'), `mailto:${contact.email}`);
    const header = page.locator('#kop-hulp').getByRole('link', { name: contact.phone });
    assert.ok(await header.isVisible(), 'the phone number is in the header too');
    // The link in the text jumps to the contact details.
    await page.getByRole('link', { name: 'Zo bereikt u een cliëntondersteuner' }).click();
    assert.equal(new URL(page.url()).hash, '#hulp');
    await page.context().close();
  });

  test('the page without JavaScript passes axe and fits 320 px', async () => {
    // axe needs JavaScript in the page, so the page's own scripts are blocked instead: the
    // same static HTML and CSS a browser without JavaScript shows.
    const page = await newPage(env.browser);
    await page.route(/\.js$/, (route) => route.abort());
    await page.goto(env.server.url + '/');
    assert.ok(await page.getByText('Zoeken kan alleen met JavaScript aan').isVisible());
    await capture(page, 'start-zonder-javascript');
    await page.context().close();
  });

  test('switches to English and back, help box included', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finding care that fits you' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.locator('#hulp').getByText('Need help? A client supporter helps you for free').waitFor();
    await capture(page, 'start-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorg vinden die bij u past' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('the skip link and the menu work by keyboard', async () => {
    const page = await newPage(env.browser);
    // A page longer than three screens, scrolled to its end: the skip link without focus is
    // drawn nowhere on it (a full-page screenshot once showed it over a label there).
    await page.setViewportSize({ width: 320, height: 400 });
    await page.goto(env.server.url + '/');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const hidden = await skip.boundingBox();
    assert.ok(hidden.width <= 1 && hidden.height <= 1, `the skip link without focus takes ${JSON.stringify(hidden)}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Tab');
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    const shown = await skip.boundingBox();
    assert.ok(shown.height >= 44 && shown.y >= 0, `the skip link shows at the top when it has focus: ${JSON.stringify(shown)}`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
    await page.context().close();
  });
});

describe('routes', () => {
  test('an unknown page says so in Dutch, an app route deep link loads the app', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/bestaat/niet');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await capture(page, 'niet-gevonden');
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorg vinden die bij u past' }).waitFor();
    // The heading of the new page takes focus, so a screen reader announces it. The app
    // moves focus in an effect after the page rendered: wait for it (up to 5 s).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, {
      timeout: 5000,
    });
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    expectNoJsErrors(page);
    await page.context().close();
  });

  test('the API stays the API next to the app', async () => {
    const res = await fetch(env.server.url + '/api/v1/bestaat-niet');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const page = await fetch(env.server.url + '/zoeken');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
  });
});

describe('login', () => {
  test('a wrong password is explained in Dutch', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + '/inloggen');
    await page.getByLabel('E-mailadres').fill('oco@demo.passend.example');
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('U bent niet ingelogd, of de inlog klopt niet.').waitFor();
    assert.match(await alert.innerText(), /Foutcode voor de helpdesk: [0-9a-f]+/);
    await capture(page, 'inloggen-fout');
    await page.context().close();
  });

  test('logging in and out', async () => {
    const page = await newPage(env.browser);
    await login(page, env.server.url, 'oco');
    // Who is logged in, in words: the demo account's person and the role, each once.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByText('Ingelogd als Sanne Jansen (cliëntondersteuner)', { exact: true }).waitFor();
    assert.doesNotMatch(await nav.innerText(), /\(demo\)|\)\s*\)/);
    const logout = page.getByRole('button', { name: 'Uitloggen', exact: true });
    await logout.waitFor();

    // On a phone the menu folds behind one button, so the page starts on the first screen.
    await page.setViewportSize({ width: 320, height: 720 });
    const toggle = nav.getByRole('button', { name: 'Menu' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await nav.getByRole('link', { name: 'Mijn cliënten' }).isVisible(), false);
    const headingTop = (await page.getByRole('heading', { level: 1 }).boundingBox()).y;
    assert.ok(headingTop < 360, `the page's heading starts at ${headingTop} px on a phone`);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await capture(page, 'menu-telefoon-open');
    await page.setViewportSize({ width: 320, height: 720 });
    await nav.getByRole('link', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waar woont u nu?' }).waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await page.setViewportSize({ width: 1280, height: 900 });
    await logout.click();
    await page.getByRole('link', { name: 'Inloggen' }).first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    expectNoJsErrors(page);
    await page.context().close();
  });
});
