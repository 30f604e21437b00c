// Editing the site in a real browser, as a member of staff does it: sign
// in, write a news item in French and English with an image and publish
// it, find it on the public home page and in the RSS feed, edit the About
// page and see the change, restore the previous text and see it back,
// sign out.
//
//   node .ci/a11y/edit-content.mjs BASE_URL EMAIL PASSWORD
//
// Exit 0 only when every step shows what it should. Chromium: GATE_CHROMIUM,
// else /usr/bin/chromium.
import { chromium } from 'playwright-core';

const [base, email, password] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node .ci/a11y/edit-content.mjs BASE_URL EMAIL PASSWORD');
  process.exit(2);
}
const at = (path) => new URL(path, base).href;
// A 1×1 PNG, as a camera would not make it but a browser uploads it.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const stamp = Date.now().toString(36);

const browser = await chromium.launch({
  executablePath: process.env.GATE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};
const submit = (page, button, landing) => Promise.all([page.waitForURL(landing), button.click()]);
try {
  const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(at('/admin/sign-in'));
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await submit(page, page.getByRole('button', { name: 'Sign in' }), (url) => url.pathname === '/admin/');
  check((await page.locator('h1').innerText()) === 'Dashboard', 'signed in: the dashboard');

  // A news item in both languages, with its image.
  const titles = { fr: `Essai du navigateur ${stamp}`, en: `Browser check ${stamp}` };
  await page.goto(at('/admin/news/new'));
  for (const [lang, title] of Object.entries(titles)) {
    await page.locator(`[name=title_${lang}]`).fill(title);
    await page.locator(`[name=summary_${lang}]`).fill(lang === 'fr' ? 'Un résumé.' : 'A summary.');
    await page.locator(`[name=body_${lang}]`).fill(lang === 'fr' ? 'Le texte de l’essai.' : 'The text of the check.');
    await page.locator(`[name=alt_${lang}]`).fill(lang === 'fr' ? 'Un carré de couleur' : 'A square of colour');
  }
  await page.locator('#news-image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: png });
  await submit(page, page.locator('#news-save'), (url) => /^\/admin\/news\/\d+$/.test(url.pathname));
  check(await page.locator('#news-current-image').isVisible(), 'the item is saved with its image');
  await submit(page, page.locator('#news-publish').getByRole('button'), (url) => url.pathname === '/admin/news');
  for (const [lang, title] of Object.entries(titles)) {
    await page.goto(at(`/${lang}/`));
    const card = page.locator('.home-news').getByText(title);
    check(await card.isVisible(), `the ${lang} home page shows the item`);
    await page.locator('.home-news').getByRole('link', { name: title }).first().click();
    await page.waitForLoadState();
    const image = page.locator('main img').first();
    check((await image.getAttribute('alt')) === (lang === 'fr' ? 'Un carré de couleur' : 'A square of colour'), `its ${lang} page shows the image with its description`);
    const feed = await page.request.get(at(lang === 'fr' ? '/fr/actualites.rss' : '/en/news.rss'));
    check(feed.ok() && (await feed.text()).includes(`<title>${title}</title>`), `the ${lang} RSS feed has the item`);
  }

  // The About page: edited, seen, then its previous text restored.
  const sentence = `A sentence added in the browser ${stamp}.`;
  await page.goto(at('/admin/pages/about/en'));
  const text = page.locator('#page-body');
  await text.fill(`${await text.inputValue()}\n\n${sentence}\n`);
  await submit(page, page.locator('#page-save'), (url) => url.pathname.startsWith('/admin/pages'));
  await page.goto(at('/en/about'));
  check(await page.getByText(sentence).isVisible(), 'the About page shows the change');
  await page.goto(at('/admin/pages/about/en/revisions'));
  await submit(page, page.getByRole('button', { name: 'Restore this text' }).first(), (url) => url.pathname.startsWith('/admin/pages'));
  await page.goto(at('/en/about'));
  check((await page.getByText(sentence).count()) === 0, 'the previous text is back on the About page');

  await page.goto(at('/admin/'));
  await submit(page, page.getByRole('button', { name: 'Sign out' }), (url) => url.pathname === '/admin/sign-in');
  await page.goto(at('/admin/news'));
  check(new URL(page.url()).pathname === '/admin/sign-in', 'signed out: the back office is closed');
} catch (error) {
  check(false, `the browser could not go through: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
