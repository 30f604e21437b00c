// The newsletter's issues as staff send them: an editor writes an issue,
// its fields found by their labels, previews it (the styled mail in its
// frame, the text as sent), mails a test to her own address, and cannot
// send it; an admin schedules an issue and takes it back to draft, types
// the number of recipients and sends it: the subscribers' mails arrive;
// a longer sending is paused and resumed. Every page passes axe.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, PATIENCE_MS } from './support/site.mjs';
import { openBrowser, press } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';
import { words } from './support/ftl.mjs';
import { accessibilityViolations } from './support/tasks.mjs';

const EDITOR = 'editor@coe.example';
const ADMIN = 'admin@coe.example';
const PASSWORD = 'a long and private passphrase';
const { t } = words('en');

describe(`the newsletter's issues (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite({ seed: false });
    browser = await openBrowser();
    site.account(EDITOR, PASSWORD, 'editor');
    site.account(ADMIN, PASSWORD, 'admin');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** Confirmed subscribers, written into the database as an import would. */
  function subscribers(list) {
    const rows = list
      .map(([email, lang]) => `('${email}', '${lang}', 'confirmed', 'c-${email}', '2026-01-01T00:00:00Z', 'u-${email}', '2026-01-01T00:00:00Z', 'v1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
      .join(', ');
    site.sql(`INSERT INTO subscribers (email, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash, consent_at, consent_version, created_at, confirmed_at) VALUES ${rows}`);
  }

  async function signedIn(email, width = 1280) {
    const page = await browser.newPage({ width });
    await signIn(site, page, email, PASSWORD);
    return page;
  }

  async function accessible(page) {
    assert.deepEqual(await accessibilityViolations(page), [], `${new URL(page.url()).pathname} has no accessibility violation`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${new URL(page.url()).pathname} fits its window: ${scroll} > ${inner}`);
  }

  /** Writes an issue from the list's "New issue", in both languages. */
  async function compose(page, [subjectFr, bodyFr], [subjectEn, bodyEn]) {
    await press(page, page.getByRole('navigation').getByRole('link', { name: t('admin-nav-newsletter'), exact: true }));
    await press(page, page.getByRole('link', { name: t('newsletter-admin-new') }));
    const form = page.locator('form[data-form=issue]');
    for (const [legend, subject, body] of [[t('newsletter-admin-lang-fr'), subjectFr, bodyFr], [t('newsletter-admin-lang-en'), subjectEn, bodyEn]]) {
      const part = form.getByRole('group', { name: legend });
      await part.getByLabel(t('newsletter-admin-field-subject')).fill(subject);
      await part.getByLabel(t('newsletter-admin-field-body')).fill(body);
    }
    await press(page, form.getByRole('button', { name: t('admin-save'), exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/admin\/newsletter\/\d+$/);
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-added'));
    return new URL(page.url()).pathname;
  }

  /** The issue's status line. */
  const status = (page) => page.locator('#issue-status').innerText();

  let issuePath;

  test('an editor writes, previews and tests an issue, and cannot send it', async () => {
    subscribers([['anne@coe.example', 'fr'], ['bob@coe.example', 'en']]);
    const page = await signedIn(EDITOR);
    issuePath = await compose(page, ['Lettre de décembre', 'Bonjour,\n\nvoici les **nouvelles** du mois.'], ['', '']);
    await accessible(page);

    // Previewed: English readers get the French text, told so in English.
    await press(page, page.locator('form[data-form=issue]').getByRole('button', { name: t('newsletter-admin-preview') }));
    const english = page.locator('#issue-preview-en');
    assert.match(await english.locator('pre').innerText(), new RegExp(`^${t('issue-mail-only-other').slice(0, 20)}`));
    const frame = page.frameLocator('#issue-preview-fr iframe');
    assert.equal(await frame.locator('h1').innerText(), 'Lettre de décembre');
    assert.equal(await frame.locator('strong').innerText(), 'nouvelles');
    const englishFrame = page.frameLocator('#issue-preview-en iframe');
    assert.equal(await englishFrame.locator('h1').innerText(), 'Lettre de décembre');
    assert.equal(await englishFrame.locator('html').getAttribute('lang'), 'en');
    await accessible(page);
    const narrow = await browser.newPage({ width: 375 });
    await signIn(site, narrow, EDITOR, PASSWORD);
    await narrow.goto(site.url(issuePath));
    await accessible(narrow);

    // A test, to her own address (the field is filled with it), in English.
    await page.goto(site.url(issuePath));
    const testForm = page.locator('form[data-form=issue-test]');
    assert.equal(await testForm.getByLabel(t('newsletter-admin-field-test-email')).inputValue(), EDITOR);
    await testForm.getByLabel(t('newsletter-admin-field-test-lang')).selectOption({ label: t('newsletter-admin-lang-en') });
    await press(page, testForm.getByRole('button', { name: t('newsletter-admin-test-send') }));
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-test-queued'));
    const mail = await site.mailTo(EDITOR);
    assert.equal(mail.subject, '[Test] Lettre de décembre');
    assert.match(mail.text, /unsubscribe\/0{64}/, 'an unsubscribe link of nobody');
    assert.equal(site.mails().filter((m) => !m.to.includes(EDITOR)).length, 0, 'no subscriber got it');

    // No sending for an editor: said on the page, refused at the address.
    assert.equal(await page.getByRole('link', { name: t('newsletter-admin-send') }).count(), 0);
    assert.equal(await page.locator('#issue-editor-note').innerText(), t('newsletter-admin-editor-note'));
    const refused = await page.goto(site.url(`${issuePath}/send`));
    assert.equal(refused.status(), 403);
  });

  test('an admin schedules an issue, takes it back, then sends it to every subscriber', async () => {
    const page = await signedIn(ADMIN);
    await page.goto(site.url(issuePath));
    const schedule = page.locator('form[data-form=issue-schedule]');
    assert.match(await schedule.innerText(), /Europe\/Paris/);
    await schedule.getByLabel(t('newsletter-admin-field-schedule-date')).fill('2099-01-04');
    await schedule.getByLabel(t('newsletter-admin-field-schedule-time')).fill('09:30');
    await press(page, schedule.getByRole('button', { name: t('newsletter-admin-schedule'), exact: true }));
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-scheduled'));
    assert.equal(await status(page), t('newsletter-admin-status-line', { status: t('newsletter-admin-status-scheduled') }));
    await press(page, page.locator('form[data-form=issue-unschedule]').getByRole('button'));
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-unscheduled'));
    assert.equal(await status(page), t('newsletter-admin-status-line', { status: t('newsletter-admin-status-draft') }));

    await press(page, page.getByRole('link', { name: t('newsletter-admin-send') }));
    assert.deepEqual(await page.locator('#issue-send-recipients dd').allInnerTexts(), ['Lettre de décembre', '1', '1', '2']);
    await accessible(page);
    const form = page.locator('form[data-form=issue-send]');
    await form.getByLabel(t('newsletter-admin-field-count')).fill('3');
    const wrong = await press(page, form.getByRole('button', { name: /^Send to 2 subscribers$/ }));
    assert.equal(wrong.status(), 422);
    assert.equal(site.mails().filter((m) => !m.to.includes(EDITOR)).length, 0, 'nothing sent');
    await form.getByLabel(t('newsletter-admin-field-count')).fill('2');
    await press(page, form.getByRole('button', { name: /^Send to 2 subscribers$/ }));
    assert.equal(new URL(page.url()).pathname, issuePath);
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-started'));
    const anne = await site.mailTo('anne@coe.example');
    const bob = await site.mailTo('bob@coe.example');
    assert.equal(anne.subject, 'Lettre de décembre');
    assert.equal(bob.subject, 'Lettre de décembre');
    assert.ok(bob.text.startsWith(t('issue-mail-only-other').slice(0, 20)), bob.text);
    assert.equal(await page.locator('form[data-form=issue]').count(), 0, 'no longer editable');
    await accessible(page);
  });

  test('an admin pauses a sending and resumes it', async () => {
    subscribers(Array.from({ length: 40 }, (_, i) => [`reader${i}@coe.example`, i % 2 ? 'en' : 'fr']));
    const page = await signedIn(ADMIN);
    const path = await compose(page, ['Deuxième lettre', 'Encore des nouvelles.'], ['Second letter', 'More news.']);
    await press(page, page.getByRole('link', { name: t('newsletter-admin-send') }));
    const form = page.locator('form[data-form=issue-send]');
    await form.getByLabel(t('newsletter-admin-field-count')).fill('42');
    await press(page, form.getByRole('button', { name: /^Send to 42 subscribers$/ }));
    // Ten mails a second: paused well before the end.
    await press(page, page.locator('form[data-form=issue-pause]').getByRole('button'));
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-paused'));
    assert.equal(await status(page), t('newsletter-admin-status-line', { status: t('newsletter-admin-status-paused') }));
    await accessible(page);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const held = site.mails().filter((m) => m.subject === 'Deuxième lettre' || m.subject === 'Second letter').length;
    assert.ok(held < 42, `the pause holds the rest: ${held} sent`);
    await press(page, page.locator('form[data-form=issue-resume]').getByRole('button'));
    assert.equal(await page.getByRole('status').innerText(), t('newsletter-admin-resumed'));
    const until = Date.now() + 2 * PATIENCE_MS;
    for (;;) {
      await page.goto(site.url(path));
      if ((await status(page)) === t('newsletter-admin-status-line', { status: t('newsletter-admin-status-sent') })) break;
      assert.ok(Date.now() < until, 'the sending ends');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const sent = site.mails().filter((m) => m.subject === 'Deuxième lettre' || m.subject === 'Second letter');
    assert.equal(sent.length, 42, 'each subscriber once');
    assert.equal(new Set(sent.map((m) => m.to)).size, 42);
    await press(page, page.getByRole('navigation').getByRole('link', { name: t('admin-nav-newsletter'), exact: true }));
    await accessible(page);
  });
});
