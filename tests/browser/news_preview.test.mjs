// A draft news item shown to a colleague without an account, as an officer
// does it: the item saved with its image, previewed with the image, a
// private preview link made on its page and copied, opened in another
// browser with no session (the draft, in both languages, marked as a
// draft), then withdrawn: the link then says it no longer works.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';

const EMAIL = 'editor@example.org';
const PASSWORD = 'amber meadow violin 47 copper';
// A 1×1 PNG, as a browser uploads it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe(`a draft's preview link (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    site.account(EMAIL, PASSWORD, 'editor');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('made, opened without an account, withdrawn', async () => {
    const page = await browser.newPage();
    await signIn(site, page, EMAIL, PASSWORD);
    await page.goto(site.url('/admin/news/new'));
    let form = page.locator('form[data-form=news]');
    const texts = {
      'In French': ['Un brouillon à relire', 'Un résumé.', 'Le texte à approuver.', 'Un carré de couleur'],
      'In English': ['A draft to review', 'A summary.', 'The text to approve.', 'A square of colour'],
    };
    for (const [name, [title, summary, body, alt]] of Object.entries(texts)) {
      const part = form.getByRole('group', { name });
      await part.getByLabel('Title').fill(title);
      await part.getByLabel('Summary').fill(summary);
      await part.getByLabel('Text').fill(body);
      await part.getByLabel('Description of the image').fill(alt);
    }
    await form.getByLabel('Choose an image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG });
    await press(page, form.getByRole('button', { name: 'Save', exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/admin\/news\/\d+$/);

    // The preview shows the stored image, described in each language.
    form = page.locator('form[data-form=news]');
    await press(page, form.getByRole('button', { name: 'Preview' }));
    const preview = page.locator('#news-preview');
    assert.ok(await preview.getByRole('img', { name: 'A square of colour' }).isVisible());
    assert.ok(await preview.getByRole('img', { name: 'Un carré de couleur' }).isVisible());

    // The link made, shown to copy, with when it ends.
    const itemPath = new URL(page.url()).pathname;
    await page.goto(site.url(itemPath));
    assert.match(await page.locator('#news-preview-link-none').innerText(), /no preview link/);
    await press(page, page.getByRole('button', { name: 'Create a preview link' }));
    assert.match(await page.locator('#news-done').innerText(), /preview link has been created/);
    const link = await page.getByLabel('Preview link to copy').inputValue();
    assert.match(new URL(link).pathname, /^\/en\/news\/preview\/[0-9a-f]{64}$/);
    assert.match(await page.locator('#news-preview-link-expires').innerText(), /^A preview link works until /);

    // Opened by someone without an account: the draft, marked as one.
    const colleague = await browser.newPage();
    await colleague.goto(site.url(new URL(link).pathname));
    assert.equal(await colleague.locator('h1').innerText(), 'A draft to review');
    assert.match(await colleague.locator('#draft-banner').innerText(), /^Draft — not published\./);
    assert.equal(await colleague.locator('meta[name=robots]').getAttribute('content'), 'noindex');
    assert.ok(await colleague.getByRole('img', { name: 'A square of colour' }).isVisible());
    await press(colleague, colleague.getByRole('link', { name: 'Français' }));
    assert.equal(await colleague.locator('h1').innerText(), 'Un brouillon à relire');
    assert.match(await colleague.locator('#draft-banner').innerText(), /^Brouillon — non publié\./);

    // Withdrawn: the link says it no longer works.
    await press(page, page.getByRole('button', { name: 'Withdraw the link' }));
    assert.match(await page.locator('#news-done').innerText(), /withdrawn/);
    const response = await colleague.goto(site.url(new URL(link).pathname));
    assert.equal(response.status(), 404);
    assert.equal(await colleague.locator('h1').innerText(), 'This preview link no longer works');
  });
});
