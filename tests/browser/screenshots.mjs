// The pictures of docs/back-office.md, taken from the real site with the
// sample data, signed in as an admin, 1280 pixels wide: the guide's pages
// in English, then the eight everyday tasks (support/tasks.mjs) walked in
// French and in English. Run it again when a page of the guide changes:
//
//   cargo build --locked && node tests/browser/screenshots.mjs
//
// (Needs what the browser suite needs: Debian's chromium and
// `npm ci --prefix tests/browser`.)

import { mkdirSync } from 'node:fs';
import { startSite } from './support/site.mjs';
import { openBrowser, press } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';
import { officer } from './support/tasks.mjs';

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
} finally {
  await browser.close();
  await site.stop();
}

// The moments of the tasks the guide shows.
const TASK_PICTURES = [
  'two-step', 'dashboard', 'signatory-new', 'import-preview', 'trash', 'news-form', 'news-preview',
  'news-preview-link', 'event-form', 'event-postpone', 'page-form', 'page-compare', 'subscribers', 'invitations', 'audit',
];
mkdirSync(`${OUT}/tasks`, { recursive: true });
for (const lang of ['fr', 'en']) {
  const taskSite = await startSite();
  const taskBrowser = await openBrowser();
  try {
    const email = lang === 'fr' ? 'chargee.de.mission@example.org' : 'campaign.officer@example.org';
    taskSite.cli(['admin', 'create', email, '--role', 'admin', '--lang', lang], `${PASSWORD}\n${PASSWORD}\n`);
    const page = await taskBrowser.newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', width: 1280 });
    const shot = async (name) => {
      if (TASK_PICTURES.includes(name)) await page.screenshot({ path: `${OUT}/tasks/${lang}-${name}.jpeg`, type: 'jpeg', quality: 70 });
    };
    for (const task of officer({ site: taskSite, page, lang, email, password: PASSWORD, shot })) await task.run();
  } finally {
    await taskBrowser.close();
    await taskSite.stop();
  }
}
console.log(`pictures written to ${OUT}/`);
