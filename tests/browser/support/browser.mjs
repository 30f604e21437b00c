// Debian's Chromium, headless, driven with playwright-core as a person uses
// it: pages at a desktop's or a phone's width, forms filled by their labels
// and sent with their buttons. Every form the browser sends is recorded by
// its `data-form` name (from the page's own `submit` event), and written,
// when the browser closes, to the file FORMS_SENT names: the check over the
// templates' forms (`forms.mjs`) reads it.
//
// Chromium: BROWSER_CHROMIUM, else /usr/bin/chromium.

import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** Records the forms sent from every page of a context. */
const RECORD = `document.addEventListener('submit', (event) => {
  const name = event.target instanceof HTMLFormElement ? event.target.getAttribute('data-form') : null;
  if (name && window.__formSent) window.__formSent(name);
}, true);`;

/** Chromium, with the forms it sent. */
export async function openBrowser() {
  const browser = await chromium.launch({ executablePath: process.env.BROWSER_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const sent = new Set();
  let elsewhere = null;
  return {
    sent,
    /** A new window (its own cookies): `locale` sets the browser's
     * languages, `width` the viewport (1280 or 375). */
    async newPage({ locale = 'en-GB', width = 1280 } = {}) {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      await context.exposeBinding('__formSent', (_source, name) => sent.add(name));
      await context.addInitScript(RECORD);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    /** A page of another site, `http://localhost:…` (the site is on
     * 127.0.0.1, another site for the browser), that holds `html`. */
    async otherSite(html) {
      elsewhere ??= await startOtherSite();
      return elsewhere.serve(html);
    },
    async close() {
      await browser.close();
      if (elsewhere) await elsewhere.stop();
      if (process.env.FORMS_SENT && sent.size > 0) appendFileSync(process.env.FORMS_SENT, [...sent].map((n) => `${n}\n`).join(''));
    },
  };
}

/** A tiny web server standing for another site. */
async function startOtherSite() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const html = pages.get(request.url);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    serve(html) {
      const address = `/page-${pages.size + 1}`;
      pages.set(address, html);
      return `http://localhost:${port}${address}`;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Presses a button that sends its form, and waits for the page that
 * follows (after any redirect): its response. */
export async function press(page, button) {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response;
}

/** The same form as `form` (a locator of one of our pages' forms), with
 * the same fields and values — the form token too — sent from another
 * site's page, as a forgery would: the status of the answer. */
export async function sendFromAnotherSite(browser, page, form) {
  const copy = await form.evaluate((element) => ({
    action: element.action,
    enctype: element.enctype,
    fields: [...new FormData(element).entries()]
      .filter(([, value]) => typeof value === 'string')
      .map(([name, value]) => [name, value]),
  }));
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const inputs = copy.fields.map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  const address = await browser.otherSite(
    `<!doctype html><title>Another site</title><form method="post" action="${escape(copy.action)}" enctype="${escape(copy.enctype)}">${inputs}<button>Send</button></form>`,
  );
  const forger = await page.context().newPage();
  try {
    await forger.goto(address);
    const response = await press(forger, forger.getByRole('button', { name: 'Send' }));
    return response.status();
  } finally {
    await forger.close();
  }
}
