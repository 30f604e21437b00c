// The trash as staff use it: an editor deletes a signatory, follows the
// notice to the trash and restores it (it is back with its website and
// position); an admin erases one item for good, then empties the trash,
// each after its confirmation page. Each form's copy sent from another
// site is refused and changes nothing.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';

const OFFICER = 'officer@coe.example';
const ADMIN = 'admin@coe.example';
const PASSWORD = 'a long and private passphrase';

describe(`the trash (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    site.account(OFFICER, PASSWORD, 'editor');
    site.account(ADMIN, PASSWORD, 'admin');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** The signatory of this name as `signatories export` writes it, if any. */
  const signatory = (name) =>
    site
      .cli(['signatories', 'export'])
      .split('\n')
      .find((line) => line.startsWith(`${name},`));
  const heading = (page) => page.locator('h1').innerText();
  const notice = (page) => page.getByRole('status').innerText();
  /** The trash's row of an item, found by its name. */
  const row = (page, name) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  /** A window of someone's, signed in. */
  async function signedIn(email, width = 1280) {
    const page = await browser.newPage({ width });
    await signIn(site, page, email, PASSWORD);
    return page;
  }

  /** Deletes a signatory from its form, through the confirmation page. */
  async function deleteSignatory(page, name) {
    await page.goto(site.url('/admin/signatories'));
    const filters = page.getByRole('search');
    await filters.getByLabel('Name').fill(name);
    await press(page, filters.getByRole('button', { name: 'Show' }));
    await press(page, page.getByRole('table').getByRole('link', { name, exact: true }));
    await press(page, page.getByRole('link', { name: 'Delete this signatory' }));
    const confirm = page.locator('form[data-form=confirm]');
    assert.match(await page.locator('main').innerText(), /trash for 30 days/);
    await press(page, confirm.getByRole('button', { name: 'Move to the trash' }));
    assert.match(await notice(page), /^The signatory has been moved to the trash\./);
    assert.equal(signatory(name), undefined);
  }

  test('a signatory deleted, then restored by an editor, on a phone', async () => {
    const before = signatory('Strasbourg');
    assert.ok(before, 'a sample signatory to delete');
    const page = await signedIn(OFFICER, 375);
    await deleteSignatory(page, 'Strasbourg');
    await press(page, page.getByRole('link', { name: /See the trash/ }));
    assert.equal(await heading(page), 'Trash');
    const item = row(page, 'Strasbourg');
    assert.equal(await item.getByRole('link', { name: 'Erase for good' }).count(), 0, 'editors do not erase');
    const restore = item.locator('form[data-form=trash-restore]');
    assert.equal(await sendFromAnotherSite(browser, page, restore), 403, 'the restore sent from another site');
    assert.equal(signatory('Strasbourg'), undefined, 'still in the trash after the forgery');
    await press(page, restore.getByRole('button', { name: 'Restore' }));
    assert.match(await notice(page), /^Restored/);
    assert.equal(signatory('Strasbourg'), before, 'back as it was, position included');
    await press(page, page.getByRole('link', { name: 'Open it' }));
    assert.equal(await heading(page), 'Strasbourg');
    await page.context().close();
  });

  test('an item erased for good, then the trash emptied, by an admin', async () => {
    const officer = await signedIn(OFFICER);
    for (const name of ['Paris', 'Lyon', 'Tallinn']) {
      if (signatory(name)) await deleteSignatory(officer, name);
    }
    await officer.context().close();

    const page = await signedIn(ADMIN);
    await page.goto(site.url('/admin/trash'));
    await press(page, row(page, 'Paris').getByRole('link', { name: 'Erase for good' }));
    assert.equal(await heading(page), 'Erase this item for good?');
    let confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the erasure sent from another site');
    await press(page, confirm.getByRole('button', { name: 'Erase for good' }));
    assert.equal(await notice(page), 'The item has been erased for good.');
    assert.equal(await row(page, 'Paris').count(), 0);
    const left = await page.getByRole('rowheader').count();
    assert.ok(left >= 1, 'something left to empty');

    await press(page, page.getByRole('link', { name: 'Empty the trash' }));
    assert.equal(await heading(page), 'Empty the trash?');
    confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the emptying sent from another site');
    await press(page, confirm.getByRole('button', { name: 'Empty the trash' }));
    assert.equal(await notice(page), 'The trash has been emptied.');
    assert.equal(await page.getByRole('rowheader').count(), 0);
    await page.context().close();
  });
});
