// Every back-office page fits a desktop's and a phone's width (1280 and
// 375 pixels): the page never scrolls sideways; a table wider than the
// page scrolls inside its own frame (a labelled region), and each row's
// first cell and action buttons stay in view, whether the frame is
// scrolled to its start or to its end. The pages are those of the sample
// data, with a long address among the accounts, a page saved once (for its
// comparison), a subscriber, and the two-step sign-in's pages.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press } from './support/browser.mjs';
import { signIn, signOut } from './support/staff.mjs';
import { totp } from './support/totp.mjs';

const ADMIN = 'officer@example.org';
const LONG = 'communication.officer.of.the.congress.secretariat@example.org';
const PASSWORD = 'amber meadow violin 47 copper';
const WIDTHS = [1280, 375];

/** What does not fit on the page as shown: the page's own sideways
 * scroll, a table too wide outside a frame, a row's first cell or action
 * out of view (with each frame scrolled to its start, then its end). */
function misfits(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) found.push(`the page scrolls sideways (${scrollWidth} px wide)`);
    for (const [n, table] of [...document.querySelectorAll('main table')].entries()) {
      const name = table.id || table.caption?.innerText || `table ${n + 1}`;
      let frame = table.parentElement;
      while (frame && frame !== document.body && !['auto', 'scroll'].includes(getComputedStyle(frame).overflowX)) frame = frame.parentElement;
      if (frame === document.body) frame = null;
      if (!frame) {
        if (table.getBoundingClientRect().right > width + 1) found.push(`${name}: wider than the page, and in no frame`);
        continue;
      }
      if (frame.getAttribute('role') !== 'region' || !frame.getAttribute('aria-labelledby') || frame.tabIndex !== 0) {
        found.push(`${name}: its frame is not a labelled region one can scroll with the keyboard`);
      }
      for (const end of [false, true]) {
        frame.scrollLeft = end ? frame.scrollWidth : 0;
        const box = frame.getBoundingClientRect();
        const [left, right] = [Math.max(box.left, 0) - 1, Math.min(box.right, width) + 1];
        for (const row of table.querySelectorAll('tbody tr')) {
          const wanted = [row.cells[0], ...row.querySelectorAll('.actions button, .actions a')];
          for (const element of wanted) {
            const r = element.getBoundingClientRect();
            if (r.width > 0 && (r.left < left || r.right > right)) {
              const what = element === row.cells[0] ? 'first cell' : `"${element.innerText}"`;
              found.push(`${name}, row "${row.cells[0].innerText.slice(0, 30)}": its ${what} is out of view${end ? ' (frame scrolled to its end)' : ''}`);
            }
          }
        }
      }
      frame.scrollLeft = 0;
    }
    return found;
  });
}

/** Checks the page at `address` (or the one shown) at both widths. */
async function fitsAtBothWidths(page, checked, address) {
  if (address) await page.goto(address);
  const path = new URL(page.url()).pathname;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await misfits(page), [], `${path} at ${width} px`);
  }
  checked.add(path);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The address a link on the page points to. */
const href = async (page, selector) => new URL(await page.locator(selector).first().getAttribute('href'), page.url()).href;

describe(`the back office at 1280 and 375 pixels (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    site.account(ADMIN, PASSWORD, 'admin');
    site.account(LONG, PASSWORD, 'editor');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every back-office page fits without sideways scrolling, its tables framed', async () => {
    const checked = new Set();
    // A subscriber, for the subscribers' list and record.
    const reader = await browser.newPage();
    await reader.goto(site.url('/en/newsletter'));
    const signUp = reader.locator('main form[data-form=newsletter-subscribe]');
    await signUp.getByLabel('Your email address').fill('reader@example.org');
    await signUp.getByLabel(/I agree to my email address being kept/).check();
    await press(reader, signUp.getByRole('button', { name: 'Sign up' }));

    const page = await browser.newPage();
    await fitsAtBothWidths(page, checked, site.url('/admin/sign-in'));
    await signIn(site, page, ADMIN, PASSWORD);
    await fitsAtBothWidths(page, checked);
    for (const address of ['/admin/signatories', '/admin/signatories/new', '/admin/events', '/admin/events/new', '/admin/news', '/admin/news/new', '/admin/pages', '/admin/accounts', '/admin/account', '/admin/audit', '/admin/trash', '/admin/sample', '/admin/signatories/import']) {
      await fitsAtBothWidths(page, checked, site.url(address));
    }
    await page.goto(site.url('/admin/signatories'));
    await fitsAtBothWidths(page, checked, await href(page, '#signatory-results tbody a'));
    await page.goto(site.url('/admin/events'));
    await fitsAtBothWidths(page, checked, await href(page, 'main table tbody a'));
    await fitsAtBothWidths(page, checked, await href(page, '#event-postpone'));
    await page.goto(site.url('/admin/news'));
    await fitsAtBothWidths(page, checked, await href(page, '#news-items tbody a'));

    // A page saved once with one word changed: its form, revisions and comparison.
    await page.goto(site.url('/admin/pages/about/en'));
    const form = page.locator('form[data-form=page]');
    const text = await form.getByLabel('Text of the page (Markdown)').inputValue();
    await form.getByLabel('Text of the page (Markdown)').fill(text.replace('Congress', 'Congress (CLRAE)'));
    await press(page, form.getByRole('button', { name: 'Save' }));
    await fitsAtBothWidths(page, checked);
    await fitsAtBothWidths(page, checked, site.url('/admin/pages/about/en/revisions'));
    await fitsAtBothWidths(page, checked, await href(page, '.revision-compare'));

    await page.goto(site.url('/admin/subscribers?q=reader'));
    await fitsAtBothWidths(page, checked);
    await fitsAtBothWidths(page, checked, await href(page, '#subscriber-results tbody a'));

    // The two-step sign-in: set up (the key shown), then asked at sign-in.
    await page.goto(site.url('/admin/account'));
    await press(page, page.locator('form[data-form=two-step-start]').getByRole('button', { name: 'Turn on two-step sign-in' }));
    await fitsAtBothWidths(page, checked);
    const key = await page.locator('#two-step-secret').innerText();
    const confirm = page.locator('form[data-form=two-step-confirm]');
    for (const offset of [0, 30_000]) {
      await confirm.getByLabel('6-digit code shown by the app').fill(totp(key, Date.now() + offset));
      await press(page, confirm.getByRole('button', { name: 'Confirm and turn on' }));
      if ((await page.locator('#account-done').count()) === 1) break;
    }
    await fitsAtBothWidths(page, checked);
    await signOut(page);
    await signIn(site, page, ADMIN, PASSWORD, { landing: '/admin/sign-in/two-step' });
    await fitsAtBothWidths(page, checked);

    assert.ok(checked.size >= 20, `${checked.size} pages checked: ${[...checked].join(', ')}`);
  });
});
