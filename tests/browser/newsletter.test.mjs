// The newsletter as a reader meets it, in both languages: signing up from
// the home page's footer or from the newsletter page, confirming from the
// mail's link, unsubscribing from the mail's link or by address, and a mail
// client's one-click unsubscription. Each form's copy sent from another site
// is refused.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';

const WORDS = {
  fr: {
    home: '/fr/',
    newsletter: '/fr/lettre-d-information',
    email: 'Votre adresse électronique',
    consent: /J’accepte que mon adresse soit conservée/,
    signUp: 'S’inscrire',
    leave: 'Recevoir le lien',
    check: 'Vérifiez votre boîte de réception',
    confirmLink: 'Confirmer mon inscription',
    confirmTitle: 'Confirmer votre inscription',
    confirmButton: 'Confirmer mon inscription',
    confirmed: 'Inscription confirmée',
    unsubscribeLink: /désinscrire/,
    unsubscribeButton: 'Me désinscrire',
    unsubscribed: 'Désinscription effectuée',
  },
  en: {
    home: '/en/',
    newsletter: '/en/newsletter',
    email: 'Your email address',
    consent: /I agree to my email address being kept/,
    signUp: 'Sign up',
    leave: 'Send me the link',
    check: 'Check your inbox',
    confirmLink: 'Confirm my subscription',
    confirmTitle: 'Confirm your subscription',
    confirmButton: 'Confirm my subscription',
    confirmed: 'Subscription confirmed',
    unsubscribeLink: /Unsubscribe/,
    unsubscribeButton: 'Unsubscribe me',
    unsubscribed: 'Unsubscribed',
  },
};

describe(`the newsletter (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  const subscribed = (email) => site.cli(['subscribers', 'export']).split('\n').some((line) => line.startsWith(`${email},`));
  const pending = (email) => site.cli(['subscribers', 'export', '--all']).split('\n').some((line) => line.startsWith(`${email},`));
  const heading = (page) => page.locator('h1').innerText();

  /** Opens a mail's HTML part in the browser and follows its link named `name`. */
  async function follow(page, mail, name) {
    await page.setContent(mail.html);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
  }

  for (const lang of ['fr', 'en']) {
    const w = WORDS[lang];

    test(`${lang}: signed up from the home page, confirmed from the mail, unsubscribed from the mail`, async () => {
      const email = `home-${lang}@example.org`;
      const page = await browser.newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', width: 375 });
      await page.goto(site.url(w.home));
      const form = page.locator('form[data-form=newsletter-footer]');
      await form.getByLabel(w.email).fill(email);
      await form.getByLabel(w.consent).check();
      assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the sign-up sent from another site');
      assert.equal(pending(email), false, 'nothing kept from the forgery');
      const answer = await press(page, form.getByRole('button', { name: w.signUp }));
      assert.equal(answer.status(), 200);
      assert.equal(await heading(page), w.check);

      const mail = await site.mailTo(email);
      await follow(page, mail, w.confirmLink);
      assert.equal(await heading(page), w.confirmTitle);
      const confirm = page.locator('main form[data-form=newsletter-link]');
      assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the confirmation sent from another site');
      assert.equal(subscribed(email), false, 'following the link alone confirms nothing');
      assert.equal((await press(page, confirm.getByRole('button', { name: w.confirmButton }))).status(), 200);
      assert.equal(await heading(page), w.confirmed);
      assert.equal(subscribed(email), true, 'the export lists the subscriber');

      await follow(page, mail, w.unsubscribeLink);
      const leave = page.locator('main form[data-form=newsletter-link]');
      assert.equal(await sendFromAnotherSite(browser, page, leave), 403, 'the unsubscription sent from another site');
      assert.equal(subscribed(email), true, 'still subscribed after the forgery');
      assert.equal((await press(page, leave.getByRole('button', { name: w.unsubscribeButton }))).status(), 200);
      assert.equal(await heading(page), w.unsubscribed);
      assert.equal(pending(email), false, 'the address is erased');
      await page.context().close();
    });

    test(`${lang}: signed up from the newsletter page, left by address`, async () => {
      const email = `page-${lang}@example.org`;
      const page = await browser.newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      await page.goto(site.url(w.newsletter));
      const form = page.locator('main form[data-form=newsletter-subscribe]');
      await form.getByLabel(w.email).fill(email);
      await form.getByLabel(w.consent).check();
      assert.equal(await sendFromAnotherSite(browser, page, form), 403);
      await press(page, form.getByRole('button', { name: w.signUp }));
      assert.equal(await heading(page), w.check);
      await follow(page, await site.mailTo(email), w.confirmLink);
      await press(page, page.locator('main form[data-form=newsletter-link]').getByRole('button', { name: w.confirmButton }));
      assert.equal(subscribed(email), true);

      // The site mails an address once an hour at most: as if the
      // confirmation had come an hour ago.
      site.sql(`UPDATE subscribers SET last_mail_at = NULL WHERE email = '${email}'`);
      await page.goto(site.url(w.newsletter));
      const leave = page.locator('main form[data-form=newsletter-leave]');
      await leave.getByLabel(w.email).fill(email);
      assert.equal(await sendFromAnotherSite(browser, page, leave), 403);
      const before = site.mails().length;
      await press(page, leave.getByRole('button', { name: w.leave }));
      assert.equal(await heading(page), w.check);
      const mail = await site.mailTo(email, () => site.mails().length > before);
      await follow(page, mail, w.unsubscribeLink);
      await press(page, page.locator('main form[data-form=newsletter-link]').getByRole('button', { name: w.unsubscribeButton }));
      assert.equal(await heading(page), w.unsubscribed);
      assert.equal(pending(email), false);
      await page.context().close();
    });
  }

  test('a mail client unsubscribes with one click (RFC 8058), with no page and no origin', async () => {
    const email = 'one-click@example.org';
    const page = await browser.newPage();
    await page.goto(site.url('/en/newsletter'));
    const form = page.locator('main form[data-form=newsletter-subscribe]');
    await form.getByLabel('Your email address').fill(email);
    await form.getByLabel(/I agree/).check();
    await press(page, form.getByRole('button', { name: 'Sign up' }));
    const mail = await site.mailTo(email);
    assert.equal(mail.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
    await follow(page, mail, 'Confirm my subscription');
    await press(page, page.locator('main form[data-form=newsletter-link]').getByRole('button', { name: 'Confirm my subscription' }));
    assert.equal(subscribed(email), true);
    const address = mail.headers['list-unsubscribe'].replace(/^<|>$/g, '');
    const response = await page.request.post(address, { form: { 'List-Unsubscribe': 'One-Click' } });
    assert.equal(response.status(), 200);
    assert.equal(pending(email), false);
    await page.context().close();
  });
});
