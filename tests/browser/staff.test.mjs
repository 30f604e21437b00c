// The back office's staff as a campaign officer meets it: signing in and
// out (a wrong password refused), My account (the interface in French and
// back, a new password), a colleague invited in French and accepting at a
// phone's width, their role changed, disabled and enabled, an account
// deleted, pending invitations listed, one resent and another withdrawn, the About page edited with a preview and three earlier texts
// restored (from the revisions, a revision, a comparison), the two-step
// sign-in set up, used (a wrong code refused), its recovery codes renewed,
// required of everyone, and turned off. Each form's copy sent from another
// site is refused first, and changes nothing.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';
import { signIn, signOut } from './support/staff.mjs';
import { linkIn } from './support/mail.mjs';
import { totp } from './support/totp.mjs';

const ADMIN = 'officer@example.org';
const ADMIN_PASSWORD = 'quiet harbour lantern orchid 58';
const COLLEAGUE = 'colleague@example.org';
const COLLEAGUE_PASSWORD = 'violet tramway pebble sonata 31';

const SIGN_IN = {
  en: { email: 'Email address', password: 'Password', button: 'Sign in' },
  fr: { email: 'Adresse électronique', password: 'Mot de passe', button: 'Se connecter' },
};

/** An authenticator app for one key. The site takes a code once, for the
 * 30-second step before, this one or the next: each code it gives is for
 * a later step than the last (the step before first), so that a few codes
 * in a row are taken without waiting for the clock. */
function authenticator(key) {
  let last = -Infinity;
  return () => {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(last + 1, now - 1);
    assert.ok(step <= now + 1, 'no more codes the site takes in this half-minute');
    last = step;
    return totp(key, step * 30_000);
  };
}

/** Types a code from `app` with `attempt(code)` (which tells whether the
 * site took it); if the 30-second step rolled over meanwhile and the code
 * was refused, types a fresh one. */
async function withCode(app, attempt) {
  if (await attempt(app())) return;
  assert.ok(await attempt(app()), 'a fresh code is taken');
}

/** Six digits that are no code of `key` near now. */
function wrongCode(key) {
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totp(key, Date.now() + d * 30_000)));
  return ['123456', '654321', '111111'].find((code) => !near.has(code));
}

describe(`the back office's staff (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    site.account(ADMIN, ADMIN_PASSWORD, 'admin');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  const heading = (page) => page.locator('h1').innerText();
  const pathOf = (page) => new URL(page.url()).pathname;
  /** The command line's line for an account: address, role, state. */
  const listed = (email) => site.cli(['admin', 'list']).split('\n').find((line) => line.startsWith(`${email}\t`));

  /** Fills the sign-in form (in the browser's language) and sends it. */
  async function trySignIn(page, email, password, lang = 'en') {
    const w = SIGN_IN[lang];
    await page.goto(site.url('/admin/sign-in'));
    const form = page.locator('form[data-form=sign-in]');
    await form.getByLabel(w.email).fill(email);
    await form.getByLabel(w.password).fill(password);
    return press(page, form.getByRole('button', { name: w.button }));
  }

  /** The public English About page's main text. */
  async function publicAbout(page) {
    await page.goto(site.url('/en/about'));
    return page.locator('main').innerText();
  }

  test('signing in and out, a wrong password refused', async () => {
    const page = await browser.newPage();
    await page.goto(site.url('/admin/'));
    assert.equal(pathOf(page), '/admin/sign-in', 'the back office asks to sign in');
    const form = page.locator('form[data-form=sign-in]');
    await form.getByLabel('Email address').fill(ADMIN);
    await form.getByLabel('Password').fill(ADMIN_PASSWORD);
    assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the sign-in sent from another site');
    await page.goto(site.url('/admin/'));
    assert.equal(pathOf(page), '/admin/sign-in', 'the forgery opened no session');

    const refused = await trySignIn(page, ADMIN, 'not the password at all');
    assert.equal(refused.status(), 422);
    assert.match(await page.getByRole('alert').innerText(), /The address or the password is wrong/);
    assert.equal(await page.getByLabel('Email address').inputValue(), ADMIN, 'the address is kept');

    await signIn(site, page, ADMIN, ADMIN_PASSWORD);
    assert.equal(await heading(page), 'Dashboard');
    const out = page.locator('form[data-form=sign-out]');
    assert.match(await out.innerText(), new RegExp(ADMIN));
    assert.equal(await sendFromAnotherSite(browser, page, out), 403, 'the sign-out sent from another site');
    await page.reload();
    assert.equal(await heading(page), 'Dashboard', 'still signed in after the forgery');
    await signOut(page);
    await page.goto(site.url('/admin/'));
    assert.equal(pathOf(page), '/admin/sign-in', 'the session has ended');
    await page.context().close();
  });

  test('My account: the back office in French and back, a new password', async () => {
    const email = 'editor@example.org';
    const first = 'amber kettle meadow riddle 47';
    const second = 'copper lighthouse walnut tango 12';
    site.account(email, first, 'editor');
    const page = await browser.newPage();
    await signIn(site, page, email, first);
    await page.goto(site.url('/admin/account'));

    let language = page.locator('form[data-form=my-language]');
    await language.getByLabel('Français').check();
    assert.equal(await sendFromAnotherSite(browser, page, language), 403, 'the language sent from another site');
    await page.reload();
    assert.equal(await heading(page), 'My account', 'still in English after the forgery');
    await language.getByLabel('Français').check();
    await press(page, language.getByRole('button', { name: 'Save' }));
    assert.equal(await heading(page), 'Mon compte');
    assert.equal(await page.getByRole('status').innerText(), 'Votre langue a été enregistrée.');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.waitForURL(site.url('/admin/'));
    assert.equal(await heading(page), 'Tableau de bord', 'the whole back office speaks French');
    await page.goto(site.url('/admin/account'));
    language = page.locator('form[data-form=my-language]');
    await language.getByLabel('English').check();
    await press(page, language.getByRole('button', { name: 'Enregistrer' }));
    assert.equal(await heading(page), 'My account');
    assert.equal(await page.getByRole('status').innerText(), 'Your language has been saved.');

    // Another session of the same person, which the new password ends.
    const elsewhere = await browser.newPage();
    await signIn(site, elsewhere, email, first);
    const password = page.locator('form[data-form=my-password]');
    await password.getByLabel('Current password').fill(first);
    await password.getByLabel('New password', { exact: true }).fill(second);
    await password.getByLabel('New password again').fill(second);
    assert.equal(await sendFromAnotherSite(browser, page, password), 403, 'the password sent from another site');
    await elsewhere.reload();
    assert.equal(await heading(elsewhere), 'Dashboard', 'the other session lives on after the forgery');
    await password.getByLabel('Current password').fill(first);
    await password.getByLabel('New password', { exact: true }).fill(second);
    await password.getByLabel('New password again').fill(second);
    await press(page, password.getByRole('button', { name: 'Change the password' }));
    assert.equal(await page.getByRole('status').innerText(), 'Your password has been changed, and your other sessions have ended.');
    await elsewhere.reload();
    assert.equal(pathOf(elsewhere), '/admin/sign-in', 'the other session has ended');
    await elsewhere.context().close();

    await signOut(page);
    assert.equal((await trySignIn(page, email, first)).status(), 422, 'the old password is refused');
    await signIn(site, page, email, second);
    assert.equal(await heading(page), 'Dashboard');
    await page.context().close();
  });

  test('a colleague invited in French accepts at a phone’s width; role changed, disabled, enabled; an account deleted', async () => {
    const admin = await browser.newPage();
    await signIn(site, admin, ADMIN, ADMIN_PASSWORD);
    await admin.goto(site.url('/admin/accounts'));
    const invite = admin.locator('form[data-form=invite]');
    await invite.getByLabel('Email address').fill(COLLEAGUE);
    await invite.getByLabel('Role').selectOption({ label: 'Editor (content: signatories, events, news, pages)' });
    await invite.getByLabel('Français').check();
    assert.equal(await sendFromAnotherSite(browser, admin, invite), 403, 'the invitation sent from another site');
    assert.equal(site.mails().some((mail) => mail.to.includes(COLLEAGUE)), false, 'no mail after the forgery');
    await press(admin, invite.getByRole('button', { name: 'Send the invitation' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The invitation has been sent.');
    const mail = await site.mailTo(COLLEAGUE);
    assert.equal(mail.subject, 'Votre invitation à l’administration du site UN sur CINQ');

    const colleague = await browser.newPage({ locale: 'fr-FR', width: 375 });
    await colleague.setContent(mail.html);
    await Promise.all([colleague.waitForNavigation(), colleague.getByRole('link', { name: 'Choisir mon mot de passe' }).click()]);
    assert.equal(await heading(colleague), 'Choisissez votre mot de passe');
    const accept = colleague.locator('form[data-form=invitation-accept]');
    assert.equal(await accept.getByLabel('Adresse électronique').inputValue(), COLLEAGUE);
    await accept.getByLabel('Nouveau mot de passe', { exact: true }).fill(COLLEAGUE_PASSWORD);
    await accept.getByLabel('Nouveau mot de passe, à nouveau').fill(COLLEAGUE_PASSWORD);
    assert.equal(await sendFromAnotherSite(browser, colleague, accept), 403, 'the acceptance sent from another site');
    assert.equal(listed(COLLEAGUE), undefined, 'no account after the forgery');
    await press(colleague, accept.getByRole('button', { name: 'Créer mon compte' }));
    assert.equal(pathOf(colleague), '/admin/sign-in');
    assert.match(await colleague.getByRole('status').innerText(), /Votre compte est prêt/);
    assert.equal(listed(COLLEAGUE), `${COLLEAGUE}\teditor\tactive`);
    await trySignIn(colleague, COLLEAGUE, COLLEAGUE_PASSWORD, 'fr');
    assert.equal(await heading(colleague), 'Tableau de bord', 'signed in, in French');
    const nav = colleague.getByRole('navigation');
    assert.equal(await nav.getByRole('link', { name: 'Comptes' }).count(), 0, 'an editor has no accounts page');

    const row = (email) => admin.locator('#accounts tbody tr', { hasText: email });
    await admin.goto(site.url('/admin/accounts'));
    const role = row(COLLEAGUE).locator('form[data-form=account-role]');
    await role.getByLabel(`Role of ${COLLEAGUE}`, { exact: true }).selectOption({ label: 'Admin (content, subscribers, accounts and the audit log)' });
    assert.equal(await sendFromAnotherSite(browser, admin, role), 403, 'the role sent from another site');
    assert.equal(listed(COLLEAGUE), `${COLLEAGUE}\teditor\tactive`, 'still an editor after the forgery');
    await press(admin, role.getByRole('button', { name: 'Change the role' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The role has been changed.');
    assert.equal(listed(COLLEAGUE), `${COLLEAGUE}\tadmin\tactive`);
    await colleague.reload();
    await nav.getByRole('link', { name: 'Comptes' }).click();
    await colleague.waitForURL(site.url('/admin/accounts'));
    assert.equal(await heading(colleague), 'Comptes', 'the new admin reaches the accounts');

    const disable = row(COLLEAGUE).locator('form[data-form=account-disable]');
    assert.equal(await sendFromAnotherSite(browser, admin, disable), 403, 'the disabling sent from another site');
    await colleague.reload();
    assert.equal(await heading(colleague), 'Comptes', 'still signed in after the forgery');
    await press(admin, disable.getByRole('button', { name: 'Disable' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The account has been disabled, and its sessions have ended.');
    assert.equal(await row(COLLEAGUE).locator('.account-status').innerText(), 'Disabled');
    assert.equal(listed(COLLEAGUE), `${COLLEAGUE}\tadmin\tdisabled`);
    await colleague.reload();
    assert.equal(pathOf(colleague), '/admin/sign-in', 'the session has ended');
    assert.equal((await trySignIn(colleague, COLLEAGUE, COLLEAGUE_PASSWORD, 'fr')).status(), 422, 'a disabled account cannot sign in, and is told why');
    assert.match(await colleague.getByRole('alert').innerText(), /Ce compte a été désactivé/);

    const enable = row(COLLEAGUE).locator('form[data-form=account-enable]');
    assert.equal(await sendFromAnotherSite(browser, admin, enable), 403, 'the enabling sent from another site');
    assert.equal(listed(COLLEAGUE), `${COLLEAGUE}\tadmin\tdisabled`, 'still disabled after the forgery');
    await press(admin, enable.getByRole('button', { name: 'Enable' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The account has been enabled.');
    assert.equal(await row(COLLEAGUE).locator('.account-status').innerText(), 'Active');
    await trySignIn(colleague, COLLEAGUE, COLLEAGUE_PASSWORD, 'fr');
    assert.equal(await heading(colleague), 'Tableau de bord', 'enabled again, the colleague signs in');
    await colleague.context().close();

    const leaver = 'leaver@example.org';
    site.account(leaver, 'saffron glacier mosaic violin 64', 'editor');
    await admin.goto(site.url('/admin/accounts'));
    await row(leaver).getByRole('link', { name: 'Delete' }).click();
    await admin.waitForURL(/\/delete$/);
    assert.equal(await heading(admin), 'Delete this account?');
    assert.equal(await admin.locator('#delete-email').innerText(), leaver);
    const remove = admin.locator('form[data-form=account-delete]');
    assert.equal(await sendFromAnotherSite(browser, admin, remove), 403, 'the deletion sent from another site');
    assert.ok(listed(leaver), 'the account is there after the forgery');
    await press(admin, remove.getByRole('button', { name: 'Delete for good' }));
    assert.equal(pathOf(admin), '/admin/accounts');
    assert.equal(await admin.getByRole('status').innerText(), 'The account has been deleted.');
    assert.equal(await row(leaver).count(), 0);
    assert.equal(listed(leaver), undefined);
    await admin.context().close();
  });

  test('pending invitations listed; one resent (the old link refused), another withdrawn (its link gone)', async () => {
    const kept = 'pending@example.org';
    const gone = 'withdrawn@example.org';
    const admin = await browser.newPage();
    await signIn(site, admin, ADMIN, ADMIN_PASSWORD);
    for (const email of [kept, gone]) {
      await admin.goto(site.url('/admin/accounts'));
      const invite = admin.locator('form[data-form=invite]');
      await invite.getByLabel('Email address').fill(email);
      await invite.getByLabel('English').check();
      await press(admin, invite.getByRole('button', { name: 'Send the invitation' }));
      assert.equal(await admin.getByRole('status').innerText(), 'The invitation has been sent.');
    }
    const pending = admin.getByRole('table', { name: 'Pending invitations' });
    const row = (email) => pending.locator('tbody tr', { hasText: email });
    assert.equal(await row(kept).count(), 1, 'listed while pending');
    assert.equal(await row(gone).count(), 1, 'listed while pending');
    const oldLink = linkIn(await site.mailTo(kept), '/admin/invitation/');
    const goneLink = linkIn(await site.mailTo(gone), '/admin/invitation/');

    const resend = row(kept).locator('form[data-form=invitation-resend]');
    assert.equal(await sendFromAnotherSite(browser, admin, resend), 403, 'the resending sent from another site');
    assert.equal(site.mails().filter((mail) => mail.to.includes(kept)).length, 1, 'no mail after the forgery');
    await press(admin, resend.getByRole('button', { name: `Resend the invitation to ${kept}` }));
    assert.equal(await admin.getByRole('status').innerText(), 'A new invitation has been sent; the previous link no longer works.');
    const newLink = linkIn(await site.mailTo(kept, (mail) => !mail.text.includes(oldLink)), '/admin/invitation/');
    const visitor = await browser.newPage();
    assert.equal((await visitor.goto(oldLink)).status(), 404, 'the old link is refused');
    assert.equal((await visitor.goto(newLink)).status(), 200, 'the new link works');
    assert.equal(await heading(visitor), 'Choose your password');

    const withdraw = row(gone).locator('form[data-form=invitation-withdraw]');
    assert.equal(await sendFromAnotherSite(browser, admin, withdraw), 403, 'the withdrawal sent from another site');
    assert.equal((await visitor.goto(goneLink)).status(), 200, 'the link still works after the forgery');
    await press(admin, withdraw.getByRole('button', { name: `Withdraw the invitation to ${gone}` }));
    assert.equal(await admin.getByRole('status').innerText(), 'The invitation has been withdrawn: its link no longer works.');
    assert.equal(await row(gone).count(), 0);
    assert.equal(await row(kept).count(), 1);
    assert.equal((await visitor.goto(goneLink)).status(), 404, 'the withdrawn link is gone');
    assert.equal(await heading(visitor), 'This invitation link is not valid');
    await visitor.context().close();
    await admin.context().close();
  });

  test('the About page edited with a preview, and earlier texts restored three ways', async () => {
    const bundled = 'takes part in the Council of Europe’s ONE in FIVE campaign';
    const first = 'A first text about the campaign, written by the officer';
    const second = 'A second text about the campaign, written the same day';
    const page = await browser.newPage();
    await signIn(site, page, ADMIN, ADMIN_PASSWORD);
    await page.goto(site.url('/admin/pages'));
    await page.getByRole('link', { name: 'About the campaign (English)' }).click();
    await page.waitForURL(site.url('/admin/pages/about/en'));

    const form = page.locator('form[data-form=page]');
    const text = form.getByLabel('Text of the page (Markdown)');
    await text.fill(`## The officer’s heading\n\n${first}, with [a link](https://example.org/).\n`);
    await press(page, form.getByRole('button', { name: 'Preview' }));
    const preview = page.getByRole('region', { name: 'Preview of the page (not saved)' });
    assert.equal(await preview.getByRole('heading', { name: 'The officer’s heading' }).count(), 1);
    assert.equal(await preview.getByRole('link', { name: 'a link' }).getAttribute('href'), 'https://example.org/');
    assert.match(await preview.innerText(), new RegExp(first));
    assert.match(await text.inputValue(), new RegExp(first), 'the text is kept under the preview');
    assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the page sent from another site');
    const check = await browser.newPage();
    assert.match(await publicAbout(check), new RegExp(bundled), 'neither the preview nor the forgery saved anything');
    await press(page, form.getByRole('button', { name: 'Save' }));
    assert.equal(await page.getByRole('status').innerText(), 'The page has been saved. The public page shows it from now on.');
    let shown = await publicAbout(check);
    assert.match(shown, new RegExp(first));
    assert.doesNotMatch(shown, new RegExp(bundled));

    await text.fill(`${second}.\n`);
    await press(page, form.getByRole('button', { name: 'Save' }));
    assert.match(await publicAbout(check), new RegExp(second));

    // The revisions, newest first: the second text, the first, the bundled one.
    const history = () => page.goto(site.url('/admin/pages/about/en/revisions'));
    const rows = page.locator('#revisions tbody tr');
    await history();
    const listedForm = rows.filter({ hasText: 'Bundled text' }).locator('form[data-form=page-restore-listed]');
    assert.equal(await sendFromAnotherSite(browser, page, listedForm), 403, 'the listed restore sent from another site');
    assert.match(await publicAbout(check), new RegExp(second), 'nothing restored by the forgery');
    await press(page, listedForm.getByRole('button', { name: 'Restore this text' }));
    assert.equal(await page.getByRole('status').innerText(), 'The text has been restored as a new revision. The public page shows it from now on.');
    shown = await publicAbout(check);
    assert.match(shown, new RegExp(bundled));
    assert.doesNotMatch(shown, new RegExp(second));

    // Now: the bundled text again, the second, the first, the bundled one.
    await history();
    assert.equal(await rows.count(), 4);
    await rows.nth(2).getByRole('link', { name: 'View' }).click();
    await page.waitForURL(/\/revisions\/\d+$/);
    assert.match(await page.getByRole('region', { name: 'The text as the public page shows it' }).innerText(), new RegExp(first));
    const shownForm = page.locator('form[data-form=page-restore-shown]');
    assert.equal(await sendFromAnotherSite(browser, page, shownForm), 403, 'the shown restore sent from another site');
    assert.match(await publicAbout(check), new RegExp(bundled), 'nothing restored by the forgery');
    await press(page, shownForm.getByRole('button', { name: 'Restore this text' }));
    assert.equal(pathOf(page), '/admin/pages/about/en');
    assert.match(await publicAbout(check), new RegExp(first));

    // Now: the first text again, the bundled, the second, the first, the bundled one.
    await history();
    await rows.nth(2).getByRole('link', { name: 'Compare with the current text' }).click();
    await page.waitForURL(/\/compare$/);
    const diff = page.locator('#page-diff tr');
    assert.match(await diff.filter({ hasText: second }).innerText(), /Removed/, 'the second text is not the current one');
    assert.match(await diff.filter({ hasText: first }).innerText(), /Added/, 'the current text is the first');
    const comparedForm = page.locator('form[data-form=page-restore-compared]');
    assert.equal(await sendFromAnotherSite(browser, page, comparedForm), 403, 'the compared restore sent from another site');
    assert.match(await publicAbout(check), new RegExp(first), 'nothing restored by the forgery');
    await press(page, comparedForm.getByRole('button', { name: 'Restore this text' }));
    assert.equal(await page.getByRole('status').innerText(), 'The text has been restored as a new revision. The public page shows it from now on.');
    shown = await publicAbout(check);
    assert.match(shown, new RegExp(second));
    assert.doesNotMatch(shown, new RegExp(first));
    await check.context().close();
    await page.context().close();
  });

  // The officer's authenticator key and app, and their unused recovery
  // codes, from one test to the next.
  let key;
  let app;
  let recoveryCodes;

  test('the two-step sign-in set up; signing in with a code (a wrong one refused) or a recovery code; codes renewed', async () => {
    const page = await browser.newPage();
    await signIn(site, page, ADMIN, ADMIN_PASSWORD);
    await page.goto(site.url('/admin/account'));
    const state = page.locator('#two-step-state');
    const start = page.locator('form[data-form=two-step-start]');
    assert.equal(await sendFromAnotherSite(browser, page, start), 403, 'the set-up sent from another site');
    await page.reload();
    assert.match(await state.innerText(), /^Off\./, 'no set-up begun by the forgery');
    await press(page, start.getByRole('button', { name: 'Turn on two-step sign-in' }));
    key = await page.locator('#two-step-secret').innerText();
    assert.match(key, /^[A-Z2-7 ]{32,}$/, 'the key, to type into the app');
    app = authenticator(key);

    const confirm = page.locator('form[data-form=two-step-confirm]');
    const codeField = confirm.getByLabel('6-digit code shown by the app');
    await codeField.fill(totp(key));
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the confirmation sent from another site');
    await page.reload();
    assert.equal(await page.locator('#two-step-secret').innerText(), key, 'still waiting for a code after the forgery');
    await withCode(app, async (code) => {
      await codeField.fill(code);
      await press(page, confirm.getByRole('button', { name: 'Confirm and turn on' }));
      return (await page.locator('#account-done').count()) === 1;
    });
    assert.match(await page.locator('#account-done').innerText(), /Two-step sign-in is on/);
    recoveryCodes = await page.locator('#recovery-codes li').allInnerTexts();
    assert.equal(recoveryCodes.length, 10, 'ten recovery codes shown');
    await page.goto(site.url('/admin/accounts'));
    assert.equal(await page.locator('#accounts tbody tr', { hasText: ADMIN }).locator('.account-totp').innerText(), 'On');

    // Signing in now asks for a code.
    await signOut(page);
    await signIn(site, page, ADMIN, ADMIN_PASSWORD, { landing: '/admin/sign-in/two-step' });
    assert.equal(await heading(page), 'Two-step sign-in');
    const second = page.locator('form[data-form=second-step]');
    const secondField = second.getByLabel('Code from the app, or a recovery code');
    await secondField.fill(wrongCode(key));
    assert.equal((await press(page, second.getByRole('button', { name: 'Continue' }))).status(), 422, 'a wrong code is refused');
    assert.match(await page.locator('#two-step-code-error').innerText(), /This code is not right/);
    assert.equal(await secondField.getAttribute('aria-invalid'), 'true');
    await secondField.fill(totp(key));
    assert.equal(await sendFromAnotherSite(browser, page, second), 403, 'the second step sent from another site');
    await page.goto(site.url('/admin/'));
    assert.equal(pathOf(page), '/admin/sign-in', 'no session from the forgery');
    await signIn(site, page, ADMIN, ADMIN_PASSWORD, { landing: '/admin/sign-in/two-step' });
    await withCode(app, async (code) => {
      await secondField.fill(code);
      await press(page, second.getByRole('button', { name: 'Continue' }));
      return pathOf(page) === '/admin/';
    });
    assert.equal(await heading(page), 'Dashboard', 'signed in with the code');

    // A recovery code instead of the app.
    await signOut(page);
    await signIn(site, page, ADMIN, ADMIN_PASSWORD, { landing: '/admin/sign-in/two-step' });
    await secondField.fill(recoveryCodes[0]);
    await press(page, second.getByRole('button', { name: 'Continue' }));
    assert.equal(await heading(page), 'Dashboard', 'signed in with a recovery code');
    await page.goto(site.url('/admin/account'));
    const left = page.locator('#two-step-codes-left');
    assert.equal(await left.innerText(), '9 recovery codes left.');

    const renew = page.locator('form[data-form=recovery-codes]');
    await renew.getByLabel('Current password').fill(ADMIN_PASSWORD);
    assert.equal(await sendFromAnotherSite(browser, page, renew), 403, 'the renewal sent from another site');
    await page.reload();
    assert.equal(await left.innerText(), '9 recovery codes left.', 'the same codes after the forgery');
    await renew.getByLabel('Current password').fill(ADMIN_PASSWORD);
    await press(page, renew.getByRole('button', { name: 'Make new recovery codes' }));
    assert.equal(await page.locator('#account-done').innerText(), 'New recovery codes were made. The old ones no longer work.');
    const renewed = await page.locator('#recovery-codes li').allInnerTexts();
    assert.equal(renewed.length, 10);
    assert.equal(renewed.filter((code) => recoveryCodes.includes(code)).length, 0, 'ten new codes');
    assert.equal(await left.innerText(), '10 recovery codes left.');

    // The old codes no longer work; the new ones do.
    await signOut(page);
    await signIn(site, page, ADMIN, ADMIN_PASSWORD, { landing: '/admin/sign-in/two-step' });
    await secondField.fill(recoveryCodes[1]);
    assert.equal((await press(page, second.getByRole('button', { name: 'Continue' }))).status(), 422, 'an old recovery code is refused');
    await secondField.fill(renewed[0]);
    await press(page, second.getByRole('button', { name: 'Continue' }));
    assert.equal(await heading(page), 'Dashboard');
    recoveryCodes = renewed.slice(1);
    await page.context().close();
  });

  test('the two-step sign-in required of everyone: a colleague led to set it up, in French; then turned off', async () => {
    const admin = await browser.newPage();
    await signIn(site, admin, ADMIN, ADMIN_PASSWORD, { landing: '/admin/sign-in/two-step' });
    const second = admin.locator('form[data-form=second-step]');
    await second.getByLabel('Code from the app, or a recovery code').fill(recoveryCodes[0]);
    await press(admin, second.getByRole('button', { name: 'Continue' }));
    assert.equal(pathOf(admin), '/admin/');

    await admin.goto(site.url('/admin/accounts'));
    const setting = admin.locator('form[data-form=two-step-required]');
    await setting.getByLabel('Required for everyone').check();
    assert.equal(await sendFromAnotherSite(browser, admin, setting), 403, 'the setting sent from another site');
    await admin.reload();
    assert.equal(await setting.getByLabel('Each person’s choice').isChecked(), true, 'still each person’s choice after the forgery');
    await setting.getByLabel('Required for everyone').check();
    await press(admin, setting.getByRole('button', { name: 'Save' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The two-step sign-in setting has been saved.');
    assert.equal(await setting.getByLabel('Required for everyone').isChecked(), true);

    // The colleague, without the two-step sign-in, can only set it up.
    const colleague = await browser.newPage({ locale: 'fr-FR', width: 375 });
    await trySignIn(colleague, COLLEAGUE, COLLEAGUE_PASSWORD, 'fr');
    assert.equal(pathOf(colleague), '/admin/account', 'led to the set-up');
    assert.match(await colleague.locator('#two-step-required').innerText(), /Un administrateur exige la connexion en deux étapes/);
    await colleague.goto(site.url('/admin/pages'));
    assert.equal(pathOf(colleague), '/admin/account', 'nothing else before the set-up');
    await press(colleague, colleague.locator('form[data-form=two-step-start]').getByRole('button', { name: 'Activer la connexion en deux étapes' }));
    const theirApp = authenticator(await colleague.locator('#two-step-secret').innerText());
    const confirm = colleague.locator('form[data-form=two-step-confirm]');
    await withCode(theirApp, async (code) => {
      await confirm.getByLabel('Code à 6 chiffres affiché par l’application').fill(code);
      await press(colleague, confirm.getByRole('button', { name: 'Confirmer et activer' }));
      return (await colleague.locator('#account-done').count()) === 1;
    });
    assert.match(await colleague.locator('#account-done').innerText(), /La connexion en deux étapes est activée/);
    assert.equal(await colleague.locator('#recovery-codes li').count(), 10);
    await colleague.goto(site.url('/admin/pages'));
    assert.equal(await heading(colleague), 'Pages', 'the rest of the back office is open');
    await colleague.context().close();

    await admin.goto(site.url('/admin/accounts'));
    assert.equal(await admin.locator('#accounts tbody tr', { hasText: COLLEAGUE }).locator('.account-totp').innerText(), 'On');
    await setting.getByLabel('Each person’s choice').check();
    await press(admin, setting.getByRole('button', { name: 'Save' }));
    assert.equal(await admin.getByRole('status').innerText(), 'The two-step sign-in setting has been saved.');
    assert.equal(await setting.getByLabel('Each person’s choice').isChecked(), true);

    // The officer turns their own off, with the password and a code.
    await admin.goto(site.url('/admin/account'));
    const off = admin.locator('form[data-form=two-step-off]');
    await off.getByLabel('Current password').fill(ADMIN_PASSWORD);
    await off.getByLabel('Code from the app, or a recovery code').fill(totp(key));
    assert.equal(await sendFromAnotherSite(browser, admin, off), 403, 'the turning off sent from another site');
    await admin.reload();
    assert.match(await admin.locator('#two-step-state').innerText(), /^On:/, 'still on after the forgery');
    await withCode(app, async (code) => {
      await off.getByLabel('Current password').fill(ADMIN_PASSWORD);
      await off.getByLabel('Code from the app, or a recovery code').fill(code);
      await press(admin, off.getByRole('button', { name: 'Turn off' }));
      return pathOf(admin) === '/admin/account' && (await admin.locator('#account-done').count()) === 1;
    });
    assert.equal(await admin.getByRole('status').innerText(), 'Two-step sign-in is off.');
    assert.match(await admin.locator('#two-step-state').innerText(), /^Off\./);
    await signOut(admin);
    await signIn(site, admin, ADMIN, ADMIN_PASSWORD);
    assert.equal(await heading(admin), 'Dashboard', 'signed in with the password alone');
    await admin.context().close();
  });
});
