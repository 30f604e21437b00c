// The eight tasks a secretariat officer does in the back office, as a
// person does them, in the back office's language (`fr` or `en`, every
// label read from the site's own words): sign in with two steps; record a
// new signatory, correct one, import three, delete one by mistake and get
// it back; announce it in the news with an image; add, postpone and cancel
// an event; change a sentence of About and restore it; count, export and
// erase subscribers; invite a colleague; read the audit log.
//
// `tasks.test.mjs` walks them in French at a desktop's and a phone's
// width; `screenshots.mjs` walks them in both languages and keeps the
// pictures of the guide (docs/back-office.md). `shot(name)` is each
// picture's moment: here the page is also checked to fit its width.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { press } from './browser.mjs';
import { words } from './ftl.mjs';
import { totp } from './totp.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the accessibility gate checks: WCAG 2.1, levels A and AA. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A picture for the news item, as a browser uploads it: a PNG of 640×360
 * pixels, a band of the campaign's blue across a pale ground. */
const PNG = bandedPng(640, 360);

function bandedPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const band = y > height / 3 && y < (2 * height) / 3;
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(band ? [12, 45, 87] : [233, 238, 245], 1 + x * 3);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** What the officer types, in each language. */
const TYPED = {
  fr: {
    signatory: { name: 'Tartu', kind: 'Ville', country: 'Estonie' },
    // Semicolons, Windows-1252, French columns, dates day first: a file
    // as French Excel saves it.
    csv: [
      'nom;type;pays;date de signature;site web;latitude;longitude',
      'Kaunas;ville;Lituanie;15/10/2026;https://www.kaunas.lt/en;54,8985;23,9036',
      'Espoo;ville;Finlande;20/10/2026;https://www.espoo.fi;60,2055;24,6559',
      'Canton de Vaud;région;Suisse;02/11/2026;https://www.vd.ch;46,5197;6,6323',
    ],
    event: { title: 'Atelier : les villes contre les violences sexuelles', city: 'Vienne', country: 'Autriche' },
    news: 'Tartu rejoint le Pacte',
  },
  en: {
    signatory: { name: 'Tartu', kind: 'City', country: 'Estonia' },
    csv: [
      'name,kind,country,joined_on,website,latitude,longitude',
      'Kaunas,city,LT,2026-10-15,https://www.kaunas.lt/en,54.8985,23.9036',
      'Espoo,city,FI,2026-10-20,https://www.espoo.fi,60.2055,24.6559',
      'Canton de Vaud,region,CH,2026-11-02,https://www.vd.ch,46.5197,6.6323',
    ],
    event: { title: 'Workshop: cities against sexual violence', city: 'Vienna', country: 'Austria' },
    news: 'Tartu joins the Pact',
  },
};

/** An authenticator app for one key: a fresh code each time (the site
 * takes a code once, for this 30-second step, the one before or after). */
function authenticator(key) {
  let last = -Infinity;
  return () => {
    const step = Math.max(last + 1, Math.floor(Date.now() / 30_000) - 1);
    last = step;
    return totp(key, step * 30_000);
  };
}

/** What axe-core finds against WCAG 2.1 A and AA on the page as it
 * stands, as the accessibility gate checks every page: one line per
 * violation. Evaluated by the browser's tools, so that the site's own
 * Content-Security-Policy stays on. */
export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, WCAG);
}

/** The tasks, in the order they are done. */
export const TASKS = ['sign-in', 'signatories', 'news', 'events', 'about', 'subscribers', 'invite', 'audit'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The officer's walk: `site` (support/site.mjs), `page` (a window of the
 * browser, in the language's locale), `lang`, the account's `email` and
 * `password` (an admin whose back office speaks `lang`), and `shot(name)`.
 */
export function officer({ site, page, lang, email, password, shot }) {
  const { t } = words(lang);
  const typed = TYPED[lang];
  const heading = () => page.locator('h1').innerText();
  const notice = () => page.getByRole('status').first().innerText();
  const nav = (id) => press(page, page.getByRole('navigation').getByRole('link', { name: t(id), exact: true }));
  const pathOf = () => new URL(page.url()).pathname;
  let app = null;

  /** The picture's moment: the page also checked to fit its width, and
   * by axe-core as the accessibility gate checks every page (here the
   * pages only a walk reaches: a preview, a notice after a change). */
  async function picture(name) {
    await shot(name);
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(width[0] <= width[1], `${pathOf()} fits the window's width, without sideways scrolling: ${width}`);
    assert.deepEqual(await accessibilityViolations(page), [], `${pathOf()} (${name}) has no accessibility violation`);
  }

  async function signInForm() {
    await page.goto(site.url('/admin/sign-in'));
    const form = page.locator('form[data-form=sign-in]');
    await form.getByLabel(t('admin-email-label')).fill(email);
    await form.getByLabel(t('admin-password-label')).fill(password);
    return form;
  }

  /** Sends `form`, whose code field is labelled `label`, with its button
   * named `button`; if the 30-second step rolled over while the picture
   * was taken and the code was refused (`taken` says no), types a fresh
   * code from the app and sends it once more. */
  async function sendCode(form, label, button, taken) {
    await press(page, form.getByRole('button', { name: t(button) }));
    if (await taken()) return;
    await form.getByLabel(t(label)).fill(app());
    await press(page, form.getByRole('button', { name: t(button) }));
  }

  /** Opens a signatory's record from the list, found by name. */
  async function openSignatory(name) {
    await nav('admin-nav-signatories');
    const filters = page.getByRole('search');
    await filters.getByLabel(t('directory-filter-name')).fill(name);
    await press(page, filters.getByRole('button', { name: t('directory-filter-submit') }));
    await press(page, page.getByRole('table').getByRole('link', { name, exact: true }));
    assert.equal(await heading(), name);
  }

  /** The lines of a CSV export (a download's text) that hold `text`. */
  const linesWith = (csv, text) => csv.split('\n').filter((line) => line.includes(text));

  return [
    {
      id: 'sign-in',
      async run() {
        // The first sign-in: the password, then the two-step sign-in turned on.
        const form = await signInForm();
        await picture('sign-in');
        await press(page, form.getByRole('button', { name: t('admin-sign-in-submit') }));
        assert.equal(await heading(), t('admin-dashboard-title'));
        await nav('admin-nav-account');
        await press(page, page.locator('form[data-form=two-step-start]').getByRole('button', { name: t('admin-two-step-start') }));
        const key = await page.locator('#two-step-secret').innerText();
        app = authenticator(key);
        const confirm = page.locator('form[data-form=two-step-confirm]');
        await confirm.getByLabel(t('admin-two-step-confirm-label')).fill(app());
        await picture('two-step-setup');
        await sendCode(confirm, 'admin-two-step-confirm-label', 'admin-two-step-confirm-submit', async () => (await page.locator('#account-done').count()) === 1);
        assert.equal(await page.locator('#account-done').innerText(), t('admin-two-step-turned-on'));
        await press(page, page.locator('form[data-form=sign-out]').getByRole('button'));

        // Every sign-in now: the password, then the code of the app.
        const again = await signInForm();
        await press(page, again.getByRole('button', { name: t('admin-sign-in-submit') }));
        assert.equal(await heading(), t('admin-two-step-title'));
        const second = page.locator('form[data-form=second-step]');
        await second.getByLabel(t('admin-two-step-code-label')).fill(app());
        await picture('two-step');
        await sendCode(second, 'admin-two-step-code-label', 'admin-two-step-submit', async () => (await heading()) === t('admin-dashboard-title'));
        assert.equal(await heading(), t('admin-dashboard-title'));
        await picture('dashboard');
      },
    },
    {
      id: 'signatories',
      async run() {
        const { name, kind, country } = typed.signatory;
        await nav('admin-nav-signatories');
        await picture('signatories');
        await press(page, page.getByRole('link', { name: t('admin-signatories-new') }));
        const form = page.locator('form[data-form=signatory]');
        await form.getByLabel(t('admin-signatories-field-name')).fill(name);
        await form.getByLabel(t('admin-signatories-field-kind')).selectOption({ label: kind });
        await form.getByLabel(t('admin-signatories-field-country')).selectOption({ label: country });
        await form.getByLabel(t('admin-signatories-field-joined-on')).fill('2026-11-20');
        await form.getByLabel(t('admin-signatories-field-website')).fill('https://www.tartu.ee');
        await picture('signatory-new');
        await press(page, form.getByRole('button', { name: t('admin-save'), exact: true }));
        assert.equal(await notice(), t('admin-signatories-added'));
        assert.equal(await heading(), name, 'the officer stays on the record');

        // Corrected: the website's English page, and its place on the map.
        const record = page.locator('form[data-form=signatory]');
        await record.getByLabel(t('admin-signatories-field-website')).fill('https://www.tartu.ee/en');
        await record.getByLabel(t('admin-signatories-field-latitude')).fill('58.38');
        await record.getByLabel(t('admin-signatories-field-longitude')).fill('26.72');
        await press(page, record.getByRole('button', { name: t('admin-save'), exact: true }));
        assert.equal(await notice(), t('admin-signatories-saved'));
        await picture('signatory-saved');

        // Three more from a spreadsheet, previewed first.
        await nav('admin-nav-signatories');
        await press(page, page.getByRole('link', { name: t('admin-signatories-import') }));
        const upload = page.locator('form[data-form=import-preview]');
        const encoding = lang === 'fr' ? 'latin1' : 'utf8';
        const file = Buffer.from(typed.csv.join('\r\n'), encoding);
        await upload.getByLabel(t('admin-signatories-file')).setInputFiles({ name: 'signataires.csv', mimeType: 'text/csv', buffer: file });
        await press(page, upload.getByRole('button', { name: t('admin-signatories-preview') }));
        const lines = await page.locator('#import-rows').getByRole('rowheader').allInnerTexts();
        assert.deepEqual(lines, ['Kaunas', 'Espoo', 'Canton de Vaud'], 'the preview lists the file');
        await picture('import-preview');
        await press(page, page.locator('form[data-form=import-apply]').getByRole('button', { name: t('admin-signatories-apply') }));
        const applied = t('admin-signatories-imported', { 'added-text': 'A', 'updated-text': 'U', 'unchanged-text': 'N' }).split(' A ')[0];
        assert.ok((await notice()).startsWith(applied), 'the file applied');

        // One deleted by mistake, and brought back from the trash.
        await openSignatory('Kaunas');
        await press(page, page.getByRole('link', { name: t('admin-signatories-delete'), exact: true }));
        assert.equal(await heading(), t('admin-signatories-delete-title'));
        await picture('signatory-delete');
        await press(page, page.locator('form[data-form=confirm]').getByRole('button', { name: t('admin-signatories-delete-confirm') }));
        assert.match(await notice(), new RegExp(`^${escape(t('admin-signatories-deleted'))}`));
        await press(page, page.getByRole('link', { name: t('trash-deleted-see') }));
        assert.equal(await heading(), t('admin-nav-trash'));
        await picture('trash');
        const item = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kaunas', exact: true }) });
        await press(page, item.locator('form[data-form=trash-restore]').getByRole('button', { name: t('trash-restore') }));
        assert.equal(await notice(), `${t('trash-done-restored')} ${t('trash-open-restored')}`);
        await press(page, page.getByRole('link', { name: t('trash-open-restored') }));
        assert.equal(await heading(), 'Kaunas', 'back, as it was');
        assert.equal(await page.locator('form[data-form=signatory]').getByLabel(t('admin-signatories-field-website')).inputValue(), 'https://www.kaunas.lt/en');
      },
    },
    {
      id: 'news',
      async run() {
        await nav('admin-nav-news');
        await press(page, page.getByRole('link', { name: t('admin-news-new') }));
        const form = page.locator('form[data-form=news]');
        const texts = {
          'admin-news-in-french': ['Tartu rejoint le Pacte', 'La ville de Tartu a signé le Pacte.', 'La ville de **Tartu** a signé le Pacte des villes et régions.', 'Une bande bleue sur fond clair'],
          'admin-news-in-english': ['Tartu joins the Pact', 'The city of Tartu has signed the Pact.', 'The city of **Tartu** has signed the Pact of cities and regions.', 'A blue band on a pale ground'],
        };
        for (const [group, [title, summary, body, alt]] of Object.entries(texts)) {
          const part = form.getByRole('group', { name: t(group) });
          await part.getByLabel(t('admin-news-field-title')).fill(title);
          await part.getByLabel(t('admin-news-field-summary')).fill(summary);
          await part.getByLabel(t('admin-news-field-body')).fill(body);
          await part.getByLabel(t('admin-news-field-image-alt')).fill(alt);
        }
        await form.getByLabel(t('admin-news-field-image')).setInputFiles({ name: 'tartu.png', mimeType: 'image/png', buffer: PNG });
        await picture('news-form');
        await press(page, form.getByRole('button', { name: t('admin-save'), exact: true }));
        assert.match(pathOf(), /^\/admin\/news\/\d+$/);
        await press(page, page.locator('form[data-form=news]').getByRole('button', { name: t('admin-news-preview'), exact: true }));
        assert.match(await page.locator('#news-preview').innerText(), /Tartu/);
        assert.equal(await page.locator('#news-preview img').count(), 2, 'the preview shows the image, in each language');
        await picture('news-preview');

        // A private link, for a colleague without an account to approve the draft.
        await press(page, page.locator('form[data-form=news-preview-link-create]').getByRole('button', { name: t('preview-link-create') }));
        const link = await page.getByLabel(t('preview-link-url-label')).inputValue();
        await page.locator('#news-preview-link').scrollIntoViewIfNeeded();
        await picture('news-preview-link');
        const colleague = await page.context().browser().newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
        try {
          await colleague.goto(link);
          assert.equal(await colleague.locator('h1').innerText(), typed.news, 'the draft, to someone without an account');
          assert.match(await colleague.locator('main').innerText(), new RegExp(escape(t('preview-draft-banner'))));
        } finally {
          await colleague.close();
        }

        const item = page.locator('form[data-form=news]');
        assert.ok(await item.getByLabel(t('admin-news-when-now')).isChecked());
        await press(page, item.getByRole('button', { name: t('admin-news-save-publish') }));
        await picture('news-published');

        // On the public site, in the back office's language.
        const visitor = await page.context().browser().newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
        try {
          await visitor.goto(site.url(`/${lang}/`));
          await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: typed.news }).first().click()]);
          assert.equal(await visitor.locator('h1').innerText(), typed.news);
        } finally {
          await visitor.close();
        }
      },
    },
    {
      id: 'events',
      async run() {
        const { title, city, country } = typed.event;
        const year = new Date().getUTCFullYear() + 1;
        await nav('admin-nav-events');
        await press(page, page.getByRole('link', { name: t('admin-events-new') }));
        const form = page.locator('form[data-form=event]');
        await form.getByLabel(t('admin-events-field-title-fr')).fill(TYPED.fr.event.title);
        await form.getByLabel(t('admin-events-field-title-en')).fill(TYPED.en.event.title);
        await form.getByLabel(t('admin-events-field-start-date')).fill(`${year}-03-18`);
        await form.getByLabel(t('admin-events-field-start-time')).fill('09:30');
        await form.getByLabel(t('admin-events-field-end-time')).fill('17:00');
        await form.getByLabel(t('admin-events-field-time-zone')).selectOption('Europe/Vienna');
        await form.getByLabel(t('admin-events-field-venue-name'), { exact: true }).fill('Wiener Rathaus');
        await form.getByLabel(t('admin-events-field-venue-city')).fill(city);
        await form.getByLabel(t('admin-events-field-venue-country')).selectOption({ label: country });
        await form.getByLabel(t('admin-events-field-description-fr')).fill('Un atelier ouvert aux services municipaux.');
        await form.getByLabel(t('admin-events-field-description-en')).fill('A workshop open to municipal staff.');
        await picture('event-form');
        await press(page, form.getByRole('button', { name: t('admin-save'), exact: true }));
        assert.equal(await notice(), t('admin-events-added'));
        assert.equal(await heading(), title);

        // Postponed, its new date not known yet.
        await press(page, page.getByRole('link', { name: t('admin-events-postpone'), exact: true }));
        assert.equal(await heading(), t('admin-events-postpone-title'));
        const postpone = page.locator('form[data-form=event-postpone]');
        await postpone.getByLabel(t('events-postpone-unknown')).check();
        await picture('event-postpone');
        await press(page, postpone.getByRole('button', { name: t('admin-events-postpone-confirm') }));
        assert.equal(await notice(), t('events-postponed-date-unknown'));
        assert.equal(await heading(), title, 'back on the event');
        await press(page, page.getByRole('link', { name: t('admin-events-public-page') }).first());
        assert.match(await page.locator('main').innerText(), new RegExp(escape(t('event-postponed-date-unknown-notice'))));
        await page.goBack();

        // Then cancelled: it stays in the calendar, marked so.
        await press(page, page.getByRole('link', { name: t('admin-events-cancel') }));
        assert.equal(await heading(), t('admin-events-cancel-title'));
        await picture('event-cancel');
        await press(page, page.locator('form[data-form=confirm]').getByRole('button', { name: t('admin-events-cancel-confirm') }));
        assert.equal(await notice(), t('admin-events-cancelled'));
        assert.equal(await heading(), title, 'back on the event');
        await press(page, page.getByRole('link', { name: t('admin-events-public-page') }).first());
        assert.match(await page.locator('main').innerText(), new RegExp(escape(t('event-cancelled-notice'))));
        await page.goBack();
      },
    },
    {
      id: 'about',
      async run() {
        await nav('admin-nav-pages');
        await picture('pages');
        await press(page, page.getByRole('table').getByRole('link', { name: new RegExp(`^${escape(t('about-title'))}.*${escape(t(`admin-lang-${lang}`))}`, 'i') }));
        const form = page.locator('form[data-form=page]');
        const field = form.getByLabel(t('admin-pages-text'));
        const before = await field.inputValue();
        const sentence = lang === 'fr' ? 'Une phrase ajoutée par la secrétaire de la campagne.' : 'A sentence added by the campaign’s officer.';
        await field.fill(`${before.trimEnd()}\n\n${sentence}\n`);
        await picture('page-form');
        await press(page, form.getByRole('button', { name: t('admin-save'), exact: true }));
        assert.equal(await notice(), t('admin-pages-saved'));
        const publicAbout = async () => {
          const visitor = await page.context().browser().newPage();
          try {
            await visitor.goto(site.url(lang === 'fr' ? '/fr/a-propos' : '/en/about'));
            return await visitor.locator('main').innerText();
          } finally {
            await visitor.close();
          }
        };
        assert.match(await publicAbout(), new RegExp(escape(sentence)));

        // Restored: the text before the sentence, from the revisions.
        await press(page, page.getByRole('link', { name: t('admin-pages-history'), exact: true }).first());
        await picture('page-revisions');
        const rows = page.locator('#revisions tbody tr');
        await press(page, rows.nth(1).getByRole('link', { name: t('admin-pages-compare') }));
        await picture('page-compare');
        await press(page, page.locator('form[data-form=page-restore-compared]').getByRole('button', { name: t('admin-pages-restore') }));
        assert.equal(await notice(), t('admin-pages-restored'));
        assert.doesNotMatch(await publicAbout(), new RegExp(escape(sentence)));
      },
    },
    {
      id: 'subscribers',
      async run() {
        // A reader signs up on the public site and confirms from the mail.
        const reader = 'lecteur@example.org';
        const visitor = await page.context().browser().newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
        try {
          await visitor.goto(site.url(lang === 'fr' ? '/fr/lettre-d-information' : '/en/newsletter'));
          const signUp = visitor.locator('main form[data-form=newsletter-subscribe]');
          await signUp.getByLabel(t('newsletter-email-label')).fill(reader);
          await signUp.getByRole('checkbox').check();
          await press(visitor, signUp.getByRole('button', { name: t('newsletter-submit') }));
          const mail = await site.mailTo(reader);
          await visitor.setContent(mail.html);
          await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: t('mail-confirm-button') }).first().click()]);
          await press(visitor, visitor.locator('main form[data-form=newsletter-link]').getByRole('button', { name: t('newsletter-confirm-button') }));
        } finally {
          await visitor.close();
        }

        // Counted on the dashboard and on the subscribers' page.
        await nav('admin-nav-dashboard');
        assert.ok((await page.locator('#subscriber-counts').count()) === 1, 'the dashboard counts the subscribers');
        await nav('admin-nav-subscribers');
        await picture('subscribers');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: t('admin-export-confirmed') }).click(),
        ]);
        const exported = readFileSync(await download.path(), 'utf8');
        assert.equal(linesWith(exported, reader).length, 1, 'the export lists the confirmed reader');

        // Erased at the reader's request.
        const search = page.getByRole('search');
        await search.getByLabel(t('admin-subscribers-search-label')).fill(reader);
        await press(page, search.getByRole('button', { name: t('admin-search') }));
        await press(page, page.getByRole('table').getByRole('link', { name: reader }));
        await press(page, page.getByRole('link', { name: t('admin-erase') }));
        assert.equal(await heading(), t('admin-erase-title'));
        await picture('subscriber-erase');
        await press(page, page.locator('form[data-form=subscriber-erase]').getByRole('button', { name: t('admin-erase-confirm') }));
        assert.equal(await notice(), t('admin-subscriber-erased'));
      },
    },
    {
      id: 'invite',
      async run() {
        const colleague = lang === 'fr' ? 'collegue@example.org' : 'colleague@example.org';
        await nav('admin-nav-accounts');
        const invite = page.locator('form[data-form=invite]');
        await invite.getByLabel(t('admin-email-label')).fill(colleague);
        await invite.getByLabel(t('admin-role')).selectOption({ label: t('admin-role-editor') });
        await invite.getByLabel(t(`admin-lang-${lang}`)).check();
        await picture('invite');
        await press(page, invite.getByRole('button', { name: t('admin-invite-submit') }));
        assert.equal(await notice(), t('admin-invitation-sent'));
        const pending = page.locator('#invitations-pending');
        assert.match(await pending.innerText(), new RegExp(escape(colleague)));
        await pending.scrollIntoViewIfNeeded();
        await picture('invitations');
        const mail = await site.mailTo(colleague);
        assert.ok(mail.html.includes('/admin/invitation'), 'the colleague has the link');
      },
    },
    {
      id: 'audit',
      async run() {
        await nav('admin-nav-audit');
        assert.equal(await heading(), t('admin-nav-audit'));
        await picture('audit');
        const table = page.getByRole('table');
        const text = await table.innerText();
        for (const kind of ['admin-kind-signatory-added', 'trash-kind-signatory-restored', 'admin-kind-event-cancelled', 'admin-kind-account-invited']) {
          assert.match(text, new RegExp(escape(t(kind))), `the log lists: ${t(kind)}`);
        }
        // The details in the back office's language: the fields the
        // correction changed, by their names.
        const corrected = table.getByRole('row').filter({ hasText: t('admin-kind-signatory-updated') }).first();
        assert.match(await corrected.innerText(), new RegExp(escape(t('audit-word-field-website'))));
        // Each change links to its record.
        const added = table.getByRole('row').filter({ hasText: t('admin-kind-signatory-added') }).first();
        await press(page, added.getByRole('link', { name: t('trash-audit-open') }));
        assert.match(pathOf(), /^\/admin\/signatories\/\d+$/);
      },
    },
  ];
}
