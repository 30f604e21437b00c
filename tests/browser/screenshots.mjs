// The pictures of docs/back-office.md, taken from the real site with the
// sample data, signed in as an admin, in English, 1280 pixels wide. Run it
// again when a page of the guide changes:
//
//   cargo build --locked && node tests/browser/screenshots.mjs
//
// (Needs what the browser suite needs: Debian's chromium and
// `npm ci --prefix tests/browser`.)

import { mkdirSync } from 'node:fs';
import { startSite } from './support/site.mjs';
import { openBrowser, press } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';

const EMAIL = 'officer@example.org';
const PASSWORD = 'amber meadow violin 47 copper';
const OUT = 'docs/images';

const site = await startSite();
const browser = await openBrowser();
try {
  site.account(EMAIL, PASSWORD, 'admin');
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ width: 1280 });
  await signIn(site, page, EMAIL, PASSWORD);
  const shot = (name) => page.screenshot({ path: `${OUT}/${name}.png` });

  await shot('dashboard');

  await page.goto(site.url('/admin/signatories'));
  await shot('signatories');
  await page.getByRole('link', { name: 'Add a signatory' }).click();
  // A form sent with a mistake: the message beside the field, what was typed kept.
  await page.getByLabel('Name (as the authority writes it)').fill('Exampleton');
  await page.getByLabel('Kind').selectOption('city');
  await page.getByLabel('Country').selectOption('FR');
  await page.getByLabel('Date of signature').fill('2026-11-18');
  await page.getByLabel('Latitude').fill('148.08');
  await page.getByLabel('Longitude').fill('7.36');
  await press(page, page.getByRole('button', { name: 'Save' }));
  await page.getByLabel('Latitude').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 250));
  await shot('signatory-error');
  await page.getByLabel('Latitude').fill('48.08');
  await press(page, page.getByRole('button', { name: 'Save' }));

  await page.goto(site.url('/admin/events/new'));
  await shot('event-form');

  await page.goto(site.url('/admin/news/new'));
  await shot('news-form');

  await page.goto(site.url('/admin/pages'));
  await page.getByRole('link', { name: /About/ }).first().click();
  await shot('page-form');

  await page.goto(site.url('/admin/audit'));
  await shot('audit-log');
  console.log(`pictures written to ${OUT}/`);
} finally {
  await browser.close();
  await site.stop();
}
