// Writing in the back office as an officer does, and nothing typed lost:
// a news item written in both languages with an image, previewed, changed
// and published with one press (the change is kept), scheduled with "at
// this date and time", changed and taken back to draft with one press,
// then deleted; a signatory's form whose session ended while it was typed
// (the officer signed out in another tab) finds its text back after
// signing in again, unsaved until Save is pressed; a news item's form
// whose token went stale (signed out and in again in another tab) is shown
// again with its text and asks for the image again; a public form whose
// token went stale is shown again with what was typed.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';
import { signIn, signOut } from './support/staff.mjs';

const EMAIL = 'editor@example.org';
const PASSWORD = 'amber meadow violin 47 copper';
// A 1×1 PNG, as a browser uploads it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe(`editing, and nothing typed lost (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
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

  const heading = (page) => page.locator('h1').innerText();
  const notice = (page) => page.locator('#form-restored').innerText();
  const language = (form, name) => form.getByRole('group', { name });
  /** The public page of a news item, found from the English news list. */
  async function publicItem(page, title) {
    await page.goto(site.url('/en/news'));
    const link = page.getByRole('link', { name: title });
    if ((await link.count()) === 0) return null;
    await Promise.all([page.waitForNavigation(), link.first().click()]);
    return page.locator('main').innerText();
  }

  test('a news item: written, previewed, changed and published with one press, scheduled, back to draft, deleted', async () => {
    const page = await browser.newPage();
    await signIn(site, page, EMAIL, PASSWORD);
    await page.goto(site.url('/admin/news/new'));
    let form = page.locator('form[data-form=news]');
    const texts = {
      'In French': ['Le pacte à Lyon', 'Un résumé.', 'Le texte de l’actualité.', 'Un carré de couleur'],
      'In English': ['The Pact in Lyon', 'A summary.', 'The text of the news item.', 'A square of colour'],
    };
    for (const [name, [title, summary, body, alt]] of Object.entries(texts)) {
      const part = language(form, name);
      await part.getByLabel('Title').fill(title);
      await part.getByLabel('Summary').fill(summary);
      await part.getByLabel('Text').fill(body);
      await part.getByLabel('Description of the image').fill(alt);
    }
    await form.getByLabel('Choose an image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG });
    assert.equal(await sendFromAnotherSite(browser, page, form), 403);
    await press(page, form.getByRole('button', { name: 'Preview' }));
    assert.match(await page.locator('#news-preview').innerText(), /The text of the news item\./);
    form = page.locator('form[data-form=news]');
    await form.getByLabel('Choose an image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG });
    await press(page, form.getByRole('button', { name: 'Save', exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/admin\/news\/\d+$/);
    assert.ok(await page.locator('#news-current-image').isVisible(), 'saved with its image');
    assert.equal(await publicItem(await browser.newPage(), 'The Pact in Lyon'), null, 'a draft is shown nowhere');
    const itemPath = new URL(page.url()).pathname;

    // A change typed, then "Save and publish": both kept.
    await page.goto(site.url(itemPath));
    form = page.locator('form[data-form=news]');
    await language(form, 'In English').getByLabel('Text').fill('The text, changed before publishing.');
    assert.ok(await form.getByLabel('Publish now').isChecked(), '"Publish now" is a choice of its own, chosen');
    await press(page, form.getByRole('button', { name: 'Save and publish' }));
    assert.match(await page.locator('[role=status]').first().innerText(), /published/);
    const visitor = await browser.newPage();
    assert.match(await publicItem(visitor, 'The Pact in Lyon'), /The text, changed before publishing\./);
    const feed = await visitor.request.get(site.url('/en/news.rss'));
    assert.match(await feed.text(), /<title>The Pact in Lyon<\/title>/);

    // Back to draft, with a change: both kept.
    await page.goto(site.url(itemPath));
    form = page.locator('form[data-form=news]');
    await language(form, 'In English').getByLabel('Title').fill('The Pact in Lyon, again');
    await press(page, form.getByRole('button', { name: /Save and back to draft/ }));
    assert.equal(await publicItem(visitor, 'The Pact in Lyon, again'), null, 'back to draft');
    await page.goto(site.url(itemPath));
    assert.equal(await page.locator('form[data-form=news]').getByLabel('Title').last().inputValue(), 'The Pact in Lyon, again');

    // Scheduled: "at this date and time", a year from now.
    const next = new Date(Date.now() + 366 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    form = page.locator('form[data-form=news]');
    await form.getByLabel('Publish at this date and time').check();
    await form.getByLabel('Date', { exact: true }).fill(next);
    await form.getByLabel('Time (Europe/Paris)').fill('09:30');
    await press(page, form.getByRole('button', { name: 'Save and publish' }));
    assert.match(await page.locator('[role=status]').first().innerText(), /scheduled/);
    assert.equal(await publicItem(visitor, 'The Pact in Lyon, again'), null, 'scheduled, not shown yet');
    await page.goto(site.url(itemPath));
    form = page.locator('form[data-form=news]');
    assert.ok(await form.getByLabel('Publish at this date and time').isChecked());
    assert.equal(await form.getByLabel('Date', { exact: true }).inputValue(), next);
    // A wrong moment is refused, and nothing is published.
    await form.getByLabel('Date', { exact: true }).fill('');
    await press(page, form.getByRole('button', { name: 'Save and publish' }));
    assert.match(await page.locator('#news-publish-error').innerText(), /real date/);

    // Deleted after its confirmation page.
    await page.goto(site.url(itemPath));
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Delete this news item' }).click()]);
    const confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403);
    await press(page, confirm.getByRole('button', { name: 'Move to the trash' }));
    assert.match(await page.locator('[role=status]').first().innerText(), /moved to the trash/);
    assert.equal((await page.request.get(site.url(itemPath))).status(), 404);
    await page.context().close();
    await visitor.context().close();
  });

  test('a session that ends while a form is typed: after signing in, the text is back, unsaved', async () => {
    const page = await browser.newPage();
    await signIn(site, page, EMAIL, PASSWORD);
    await page.goto(site.url('/admin/signatories/new'));
    const form = page.locator('form[data-form=signatory]');
    await form.getByLabel('Name (as the authority writes it)').fill('Kuopio');
    await form.getByLabel('Kind').selectOption({ label: 'City' });
    await form.getByLabel('Country').selectOption({ label: 'Finland' });
    await form.getByLabel('Date of signature').fill('2026-05-04');
    // Meanwhile, in another tab, the officer signs out: the session ends.
    const other = await page.context().newPage();
    await other.goto(site.url('/admin/'));
    await signOut(other);
    await other.close();

    await press(page, form.getByRole('button', { name: 'Save' }));
    assert.equal(new URL(page.url()).pathname, '/admin/sign-in');
    assert.match(await page.locator('#sign-in-notice').innerText(), /session has ended/);
    assert.doesNotMatch(site.cli(['signatories', 'export']), /Kuopio/, 'nothing saved');
    const signInForm = page.locator('form[data-form=sign-in]');
    await signInForm.getByLabel('Email address').fill(EMAIL);
    await signInForm.getByLabel('Password').fill(PASSWORD);
    await press(page, signInForm.getByRole('button', { name: 'Sign in' }));
    assert.equal(new URL(page.url()).pathname, '/admin/signatories/new', 'back on the form');
    assert.match(await notice(page), /nothing was saved/);
    const again = page.locator('form[data-form=signatory]');
    assert.equal(await again.getByLabel('Name (as the authority writes it)').inputValue(), 'Kuopio');
    assert.equal(await again.getByLabel('Date of signature').inputValue(), '2026-05-04');
    assert.doesNotMatch(site.cli(['signatories', 'export']), /Kuopio/, 'still nothing saved');
    await press(page, again.getByRole('button', { name: 'Save' }));
    assert.match(site.cli(['signatories', 'export']), /Kuopio,city,FI,2026-05-04/);
    // The text went back once: the form is empty the next time.
    await page.goto(site.url('/admin/signatories/new'));
    assert.equal(await page.locator('#form-restored').count(), 0);
    assert.equal(await page.locator('form[data-form=signatory]').getByLabel('Name (as the authority writes it)').inputValue(), '');
    await page.context().close();
  });

  test('a form whose token went stale (signed in again in another tab) comes back with its text, the image to choose again', async () => {
    const page = await browser.newPage({ width: 375 });
    await signIn(site, page, EMAIL, PASSWORD);
    await page.goto(site.url('/admin/news/new'));
    const form = page.locator('form[data-form=news]');
    const french = language(form, 'In French');
    await french.getByLabel('Title').fill('Une actualité tapée longtemps');
    await french.getByLabel('Summary').fill('Un résumé.');
    await french.getByLabel('Text').fill('Un long texte, tapé pendant que la session changeait.');
    await french.getByLabel('Description of the image').fill('Un carré');
    await form.getByLabel('Choose an image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG });
    const other = await page.context().newPage();
    await other.goto(site.url('/admin/'));
    await signOut(other);
    await signIn(site, other, EMAIL, PASSWORD);
    await other.close();

    await press(page, form.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(new URL(page.url()).pathname, '/admin/news/new', 'back on the form, still signed in');
    assert.match(await notice(page), /choose it again/);
    const again = language(page.locator('form[data-form=news]'), 'In French');
    assert.equal(await again.getByLabel('Text').inputValue(), 'Un long texte, tapé pendant que la session changeait.');
    await page.locator('form[data-form=news]').getByLabel('Choose an image').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG });
    await press(page, page.locator('form[data-form=news]').getByRole('button', { name: 'Save', exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/admin\/news\/\d+$/);
    assert.ok(await page.locator('#news-current-image').isVisible());
    await page.context().close();
  });

  test('a public form whose token went stale is shown again with what was typed', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(site.url('/fr/lettre-d-information'));
    const form = page.locator('main form[data-form=newsletter-subscribe]');
    await form.getByLabel('Votre adresse électronique').fill('patient@example.org');
    await form.getByLabel(/J’accepte/).check();
    // The page stayed open for more than a day: its token is no longer good.
    await form.locator('input[name=csrf]').evaluate((input) => { input.value = '1.0000'; });
    const answer = await press(page, form.getByRole('button', { name: 'S’inscrire' }));
    assert.equal(answer.status(), 403);
    assert.match(await page.locator('#form-stale').innerText(), /trop longtemps/);
    const again = page.locator('main form[data-form=newsletter-subscribe]');
    assert.equal(await again.getByLabel('Votre adresse électronique').inputValue(), 'patient@example.org');
    assert.ok(await again.getByLabel(/J’accepte/).isChecked());
    await press(page, again.getByRole('button', { name: 'S’inscrire' }));
    assert.equal(await heading(page), 'Vérifiez votre boîte de réception');
    await page.context().close();
  });
});
