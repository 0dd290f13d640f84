import { chromium } from 'playwright-core';
const base = process.env.URL;
const roles = (process.env.ROLES || 'client representative oco wijkteam ciz zorgkantoor provider researcher admin').split(' ');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
for (const role of roles) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(role, 'console:', m.text()); });
  await page.goto(base + '/inloggen');
  await page.getByLabel(/E-mail/i).fill(`${role}@demo.passend.example`);
  await page.getByLabel(/Wachtwoord/i).fill(`demo-${role}-wachtwoord`);
  await page.getByRole('button', { name: /Inloggen/ }).last().click();
  await page.waitForTimeout(1500);
  console.log(role, 'landed on', page.url());
  const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  console.log(role, 'menu', JSON.stringify(links));
  for (const [label, href] of links) {
    await page.goto(base + href);
    await page.waitForTimeout(1500);
    const name = `${role}${href.replace(/\//g, '_')}`;
    for (const w of [1280, 320]) {
      await page.setViewportSize({ width: w, height: w === 320 ? 720 : 900 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/web4-demo/shots/${name}-${w}.png`, fullPage: w === 1280 });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const h1 = await page.locator('h1').first().textContent().catch(() => '?');
    console.log(role, href, 'h1:', h1);
  }
  await ctx.close();
}
await browser.close();
