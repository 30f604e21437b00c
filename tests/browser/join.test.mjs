// "Join the Pact" as an authority and staff meet it: the public form filled
// by its labels with a PDF file, confirmed from the mail's link, then
// corrected and approved by staff (with a news draft); a second
// application declined with a reason. Each public form's copy sent from
// another site is refused.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';
import { linkIn } from './support/mail.mjs';
import { signIn } from './support/staff.mjs';
import { words } from './support/ftl.mjs';
import { accessibilityViolations } from './support/tasks.mjs';

const ADMIN = 'admin@coe.example';
const PASSWORD = 'a long and private passphrase';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const { t } = words('en');

describe(`joining the Pact (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    site.account(ADMIN, PASSWORD, 'admin');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  const heading = (page) => page.locator('h1').innerText();

  /** Fills the form by its labels, sends it, and confirms from the mail. */
  async function apply(name, country, email) {
    const page = await browser.newPage({ locale: 'en-GB', width: 375 });
    await page.goto(site.url('/en/pact/join'));
    const form = page.locator('form[data-form=join]');
    await form.getByLabel(t('join-field-name')).fill(name);
    await form.getByLabel(t('join-field-kind')).selectOption('city');
    await form.getByLabel(t('join-field-country')).selectOption(country);
    await form.getByLabel(t('join-field-decided-on')).fill('2026-01-15');
    await form.getByRole('textbox', { name: t('join-field-contact-name'), exact: true }).fill('Ana Example');
    await form.getByLabel(t('join-field-contact-role')).fill('Mayor');
    await form.getByLabel(t('join-field-contact-email')).fill(email);
    await form.getByLabel(t('join-field-document')).setInputFiles({ name: 'decision.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByLabel(/I agree to the contact person’s data being kept/).check();
    assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the application sent from another site');
    assert.equal((await press(page, form.getByRole('button', { name: t('join-submit') }))).status(), 200);
    assert.equal(await heading(page), t('join-sent-title'));

    const mail = await site.mailTo(email);
    await page.goto(linkIn(mail, '/en/pact/join/confirm/'));
    assert.equal(await heading(page), t('join-confirm-title'));
    const confirm = page.locator('main form[data-form=join-confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the confirmation sent from another site');
    assert.equal((await press(page, confirm.getByRole('button', { name: t('join-confirm-button') }))).status(), 200);
    assert.equal(await heading(page), t('join-confirmed-title'));
    await page.context().close();
  }

  async function review(name) {
    const page = await browser.newPage({ width: 1280 });
    await signIn(site, page, ADMIN, PASSWORD);
    await page.goto(site.url('/admin/applications'));
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).click()]);
    return page;
  }

  test('an application sent, confirmed, corrected and approved', async () => {
    await apply('Reykjavík', 'IS', 'ana@example.org');
    const page = await review('Reykjavík');
    const correct = page.locator('form[data-form=application-correct]');
    await correct.getByLabel(t('join-field-name-en')).fill('Reykjavik');
    // The kind and the country are chosen from the public form's lists.
    await correct.getByLabel(t('join-field-kind')).selectOption({ label: t('kind-city') });
    await correct.getByLabel(t('join-field-country')).selectOption({ label: t('country-IS') });
    assert.equal((await press(page, correct.getByRole('button', { name: t('applications-correct') }))).status(), 200);
    const approve = page.locator('form[data-form=application-approve]');
    await approve.getByLabel(t('applications-news-box')).check();
    assert.equal((await press(page, approve.getByRole('button', { name: t('applications-approve') }))).status(), 200);
    assert.equal(await page.locator('#done').innerText(), t('applications-approved'));
    const mail = await site.mailTo('ana@example.org', (m) => m.text.includes('/en/members/'));
    assert.match(linkIn(mail, '/en/members/'), /\/en\/members\/\d+/);
    await page.context().close();
  });

  test('an application declined with a reason', async () => {
    await apply('Vaduz', 'LI', 'ben@example.org');
    const page = await review('Vaduz');
    const decline = page.locator('form[data-form=application-decline]');
    await decline.getByLabel(t('applications-reason')).fill('Not a local authority.');
    assert.equal((await press(page, decline.getByRole('button', { name: t('applications-decline') }))).status(), 200);
    assert.equal(await page.locator('#done').innerText(), t('applications-declined'));
    const mail = await site.mailTo('ben@example.org', (m) => m.text.includes('Not a local authority.'));
    assert.ok(mail.subject.length > 0);
    await page.context().close();
  });

  test('a refused application is answered with its form, as typed, in both languages', async () => {
    for (const [lang, path, locale] of [['fr', '/fr/pacte/adherer', 'fr-FR'], ['en', '/en/pact/join', 'en-GB']]) {
      const said = words(lang).t;
      const page = await browser.newPage({ locale, width: 375 });
      await page.goto(site.url(path));
      const form = page.locator('form[data-form=join]');
      await form.getByLabel(said('join-field-name')).fill('Somewhere');
      await form.getByLabel(said('join-field-decided-on')).fill('2099-01-01');
      // The browser's own checks set aside: the site's answer is what is seen.
      await form.evaluate((element) => { element.noValidate = true; });
      assert.equal((await press(page, form.getByRole('button', { name: said('join-submit') }))).status(), 422, lang);
      assert.equal(await form.getByLabel(said('join-field-name')).inputValue(), 'Somewhere', lang);
      assert.deepEqual(await accessibilityViolations(page), [], lang);
      await page.context().close();
    }
  });
});
