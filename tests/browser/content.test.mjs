// The back office's content areas as a campaign officer (an editor) uses
// them: a signatory added, renamed and deleted (on a phone's width), a CSV
// file of signatories as French Excel saves it previewed (on a phone's
// width) then applied, an event added after a
// preview of its description and edited, an event postponed, cancelled and
// deleted, and a newsletter subscriber erased. Each form's copy sent from
// another site is refused and changes nothing; each real send shows on the
// public site, in the back office and in the command line's exports.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './support/site.mjs';
import { openBrowser, press, sendFromAnotherSite } from './support/browser.mjs';
import { signIn } from './support/staff.mjs';

const OFFICER = 'officer@coe.example';
const ADMIN = 'head.of.unit@coe.example';
const PASSWORD = 'a long and private passphrase';

/** The rows of a CSV file as objects keyed by its header (the comment
 * lines a demonstration site puts first skipped). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const lines = text.split('\n');
  const body = lines.slice(lines.findIndex((line) => !line.startsWith('#'))).join('\n');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[(i += 1)];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...records] = rows;
  return records.map((values) => Object.fromEntries(header.map((name, i) => [name, values[i]])));
}

describe(`the back office's signatories, events and subscribers (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
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

  const signatories = () => csvRows(site.cli(['signatories', 'export']));
  const signatory = (name) => signatories().find((row) => row.name === name);
  const events = () => csvRows(site.cli(['events', 'export']));
  const subscribers = () => csvRows(site.cli(['subscribers', 'export', '--all']));
  const heading = (page) => page.locator('h1').innerText();
  const notice = (page) => page.getByRole('status').innerText();

  /** A window of the officer's (an editor), signed in; or of `who`. */
  async function officer(width = 1280, who = OFFICER) {
    const page = await browser.newPage({ width });
    await signIn(site, page, who, PASSWORD);
    return page;
  }

  /** The home page's counter: how many cities and regions, in how many countries. */
  async function counter(page) {
    await page.goto(site.url('/en/'));
    const text = await page.getByRole('region', { name: 'Signatories of the Pact' }).innerText();
    const [, places, countries] = text.match(/(\d+) cities and regions in (\d+) countries/);
    return { places: Number(places), countries: Number(countries) };
  }

  /** The names the public directory lists for a search by `name`. */
  async function directory(page, name) {
    await page.goto(site.url('/en/members'));
    const filters = page.getByRole('search');
    await filters.getByLabel('Name').fill(name);
    await press(page, filters.getByRole('button', { name: 'Show' }));
    const results = page.getByRole('region', { name: /^\d+ signator(y|ies)$/ });
    assert.equal(await results.count(), 1, 'the directory says how many signatories it found');
    return results.getByRole('listitem').getByRole('link').allInnerTexts();
  }

  /** Opens a signatory's form from the back office's list, found by name. */
  async function openSignatory(page, name) {
    await page.goto(site.url('/admin/signatories'));
    const filters = page.getByRole('search');
    await filters.getByLabel('Name').fill(name);
    await press(page, filters.getByRole('button', { name: 'Show' }));
    await press(page, page.getByRole('table').getByRole('link', { name, exact: true }));
    assert.equal(await heading(page), name);
  }

  /** Opens an event's form from the back office's list, found by title. */
  async function openEvent(page, title) {
    await page.goto(site.url('/admin/events'));
    await press(page, page.getByRole('link', { name: title, exact: true }));
    assert.equal(await heading(page), title);
  }

  /** The public page of the event whose form is open. */
  async function publicPage(page) {
    await press(page, page.getByRole('link', { name: 'See its page on the public site' }));
    return page.locator('main').innerText();
  }

  test('a signatory added, renamed and deleted, on a phone', async () => {
    const page = await officer(375);
    const before = await counter(page);
    assert.deepEqual(await directory(page, 'Tartu'), []);

    await page.goto(site.url('/admin/signatories'));
    await press(page, page.getByRole('link', { name: 'Add a signatory' }));
    const form = page.locator('form[data-form=signatory]');
    await form.getByLabel('Name (as the authority writes it)').fill('Tartu');
    await form.getByLabel('Kind').selectOption({ label: 'City' });
    await form.getByLabel('Country').selectOption({ label: 'Estonia' });
    await form.getByLabel('Date of signature').fill('2026-11-20');
    await form.getByLabel('Website').fill('https://www.tartu.ee/en');
    await form.getByLabel('Latitude').fill('58.38');
    await form.getByLabel('Longitude').fill('26.72');
    assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the new signatory sent from another site');
    assert.equal(signatory('Tartu'), undefined, 'nothing added by the forgery');
    await press(page, form.getByRole('button', { name: 'Save' }));
    assert.equal(await notice(page), 'The signatory has been added. It shows on the public site now.');
    assert.deepEqual(
      signatory('Tartu'),
      { name: 'Tartu', kind: 'city', country: 'EE', joined_on: '2026-11-20', name_fr: '', name_en: '', website: 'https://www.tartu.ee/en', latitude: '58.38', longitude: '26.72' },
    );
    assert.deepEqual(await directory(page, 'Tartu'), ['Tartu']);
    // Estonia had no signatory before: one more city, one more country.
    assert.deepEqual(await counter(page), { places: before.places + 1, countries: before.countries + 1 });

    await openSignatory(page, 'Tartu');
    const edit = page.locator('form[data-form=signatory]');
    assert.equal(await edit.getByLabel('Website').inputValue(), 'https://www.tartu.ee/en');
    await edit.getByLabel('Name (as the authority writes it)').fill('Tartu linn');
    assert.equal(await sendFromAnotherSite(browser, page, edit), 403, 'the edit sent from another site');
    assert.ok(signatory('Tartu'), 'the name unchanged by the forgery');
    await press(page, edit.getByRole('button', { name: 'Save' }));
    assert.equal(await notice(page), 'The signatory has been saved. The change shows on the public site now.');
    assert.equal(signatory('Tartu'), undefined);
    assert.equal(signatory('Tartu linn').website, 'https://www.tartu.ee/en');
    assert.deepEqual(await directory(page, 'Tartu'), ['Tartu linn']);

    await openSignatory(page, 'Tartu linn');
    await press(page, page.getByRole('link', { name: 'Delete this signatory' }));
    assert.equal(await heading(page), 'Delete this signatory?');
    const confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the deletion sent from another site');
    assert.ok(signatory('Tartu linn'), 'still there after the forgery');
    await press(page, confirm.getByRole('button', { name: 'Move to the trash' }));
    assert.match(await notice(page), /^The signatory has been moved to the trash\. See the trash/);
    assert.equal(signatory('Tartu linn'), undefined);
    assert.deepEqual(await directory(page, 'Tartu'), []);
    assert.deepEqual(await counter(page), before);
    await page.context().close();
  });

  test('a CSV file of three signatories as French Excel saves it, previewed on a phone, then applied', async () => {
    const page = await officer(375);
    const count = signatories().length;
    // Semicolons, Windows-1252 (í is 0xED: latin1 here), French columns,
    // dates day first, countries by name, decimal commas, CRLF.
    const file = [
      'nom;type;pays;date de signature;nom en français;nom en anglais;site web;latitude;longitude',
      'Reykjavíkurborg;ville;Islande;01/10/2026;Reykjavik;Reykjavík;https://reykjavik.is;64,1466;-21,9426',
      'Kaunas;ville;Lituanie;15/10/2026;;;https://www.kaunas.lt/en;54,8985;23,9036',
      'Canton de Vaud;région;Suisse;02/11/2026;;Canton of Vaud;https://www.vd.ch;46,5197;6,6323',
    ].join('\r\n');
    // The back office shows each in English, where the file gives a name in English.
    const names = ['Reykjavík', 'Kaunas', 'Canton of Vaud'];

    await page.goto(site.url('/admin/signatories'));
    await press(page, page.getByRole('link', { name: 'Import a CSV file' }));
    const upload = page.locator('form[data-form=import-preview]');
    await upload.getByLabel('CSV file').setInputFiles({ name: 'new-signatories.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'latin1') });
    assert.equal(await sendFromAnotherSite(browser, page, upload), 403, 'the upload sent from another site');
    await press(page, upload.getByRole('button', { name: 'Preview' }));
    const preview = page.getByRole('region', { name: 'What the file will do' });
    assert.match(await preview.innerText(), /3 signatories added/);
    assert.equal(await page.locator('#import-read').innerText(), 'Read as Windows-1252 (Excel). Fields separated by semicolons.');
    const table = preview.getByRole('region', { name: 'Every line of the file, with the value it replaces where it changes one' });
    const headers = await table.getByRole('columnheader').allInnerTexts();
    assert.deepEqual(headers.slice(3), ['nom', 'type', 'pays', 'date de signature', 'nom en français', 'nom en anglais', 'site web', 'latitude', 'longitude']);
    const rows = await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).all();
    assert.equal(rows.length, 3);
    for (const [i, country] of ['Iceland', 'Lithuania', 'Switzerland'].entries()) {
      assert.equal(await rows[i].getByRole('rowheader').innerText(), names[i]);
      const cells = await rows[i].getByRole('cell').allInnerTexts();
      assert.equal(cells[1], 'New');
      assert.equal(cells[4], country);
    }
    // On a phone the table scrolls in its own frame, its first column in sight.
    const frame = await table.evaluate((region) => ({ scrolls: region.scrollWidth > region.clientWidth, width: region.getBoundingClientRect().width, tabIndex: region.tabIndex }));
    assert.ok(frame.scrolls && frame.width <= 375 && frame.tabIndex === 0, JSON.stringify(frame));
    await table.evaluate((region) => region.scrollBy(600, 0));
    const first = await rows[0].getByRole('rowheader').boundingBox();
    assert.ok(first && first.x >= 0 && first.x < 375, JSON.stringify(first));
    assert.equal(signatories().length, count, 'nothing written by the preview');

    const apply = page.locator('form[data-form=import-apply]');
    assert.equal(await sendFromAnotherSite(browser, page, apply), 403, 'the application sent from another site');
    assert.equal(signatories().length, count, 'nothing written by the forgery');
    await press(page, apply.getByRole('button', { name: 'Apply the file' }));
    assert.equal(await notice(page), 'The file has been applied: 3 added, 0 updated, 0 unchanged.');
    assert.equal(signatories().length, count + 3);
    assert.deepEqual(signatory('Kaunas'), { name: 'Kaunas', kind: 'city', country: 'LT', joined_on: '2026-10-15', name_fr: '', name_en: '', website: 'https://www.kaunas.lt/en', latitude: '54.8985', longitude: '23.9036' });
    assert.equal(signatory('Reykjavíkurborg').name_en, 'Reykjavík');
    assert.equal(signatory('Canton de Vaud').kind, 'region');
    assert.deepEqual(await directory(page, 'Kaunas'), ['Kaunas']);
    await page.context().close();
  });

  test('an event added after a preview of its description, then edited', async () => {
    const page = await officer();
    await page.goto(site.url('/admin/events'));
    await press(page, page.getByRole('link', { name: 'Add an event' }));
    const form = page.locator('form[data-form=event]');
    await form.getByLabel('Title in French').fill('Atelier : les villes contre les violences sexuelles');
    await form.getByLabel('Title in English').fill('Workshop: cities against sexual violence');
    // Native day and time fields, in the event's time zone chosen from a list.
    await form.getByLabel('Start day').fill('2027-03-18');
    await form.getByLabel('Start time').fill('09:30');
    await form.getByLabel('End time').fill('17:00');
    await form.getByLabel('Time zone').selectOption('Europe/Vienna');
    await form.getByLabel('Venue', { exact: true }).fill('Wiener Rathaus');
    await form.getByLabel('City of the venue').fill('Vienna');
    await form.getByLabel('Country of the venue').selectOption({ label: 'Austria' });
    await form.getByLabel('Registration website').fill('https://www.wien.gv.at/one-in-five');
    // The signatory by the authority's own name (the list shows it as "Vienna"),
    // one of the suggestions the field offers as one types.
    const related = form.getByLabel('Related signatory');
    const suggestions = await page.locator(`#${await related.getAttribute('list')} option`).evaluateAll((options) => options.map((o) => o.value));
    assert.ok(suggestions.includes('Wien (AT)'), 'the signatory is suggested');
    await related.fill('Wien (AT)');
    await form.getByLabel('Description in French').fill('Un atelier **ouvert** aux services municipaux.');
    await form.getByLabel('Description in English').fill('A workshop **open** to municipal staff.');
    const title = 'Workshop: cities against sexual violence';
    const saved = () => events().find((e) => e.title_en === title || e.title_en === `${title} in Vienna`);

    await press(page, form.getByRole('button', { name: 'Preview' }));
    const preview = page.getByRole('region', { name: 'Preview of the descriptions' });
    assert.equal(await preview.locator('[lang=en] strong').innerText(), 'open');
    assert.equal(await preview.locator('[lang=fr] strong').innerText(), 'ouvert');
    assert.equal(saved(), undefined, 'the preview saves nothing');
    assert.equal(await form.getByLabel('City of the venue').inputValue(), 'Vienna', 'the form kept what was typed');

    assert.equal(await sendFromAnotherSite(browser, page, form), 403, 'the new event sent from another site');
    assert.equal(saved(), undefined, 'nothing added by the forgery');
    await press(page, form.getByRole('button', { name: 'Save' }));
    assert.equal(await notice(page), 'The event has been added. It shows in the public calendar now.');
    const added = saved();
    assert.deepEqual(
      [added.start, added.end, added.time_zone, added.status, added.venue_country, added.signatory],
      ['2027-03-18T09:30', '2027-03-18T17:00', 'Europe/Vienna', 'scheduled', 'AT', 'Wien (AT)'],
    );

    await openEvent(page, title);
    const edit = page.locator('form[data-form=event]');
    await edit.getByLabel('Title in English').fill(`${title} in Vienna`);
    await edit.getByLabel('Start time').fill('10:00');
    assert.equal(await sendFromAnotherSite(browser, page, edit), 403, 'the edit sent from another site');
    assert.equal(saved().title_en, title, 'unchanged by the forgery');
    await press(page, edit.getByRole('button', { name: 'Save' }));
    assert.equal(await notice(page), 'The event has been saved. The change shows in the public calendar now.');
    assert.deepEqual([saved().title_en, saved().start, saved().slug], [`${title} in Vienna`, '2027-03-18T10:00', added.slug]);
    await openEvent(page, `${title} in Vienna`);
    const shown = await publicPage(page);
    assert.equal(await heading(page), `${title} in Vienna`);
    assert.match(shown, /18 March 2027, 10\.00 am – 5\.00 pm/);
    assert.match(shown, /Wiener Rathaus, Vienna, Austria/);
    await page.context().close();
  });

  test('an event postponed, cancelled, then deleted', async () => {
    const page = await officer();
    const title = 'Follow-up meeting on local action plans';
    // A new date some months ahead, whenever the test runs: still to come.
    const year = new Date().getUTCFullYear() + 1;
    const stored = () => events().find((e) => e.title_en === title);
    // The sample event's date moves with the day the site is seeded.
    const before = stored();
    await openEvent(page, title);

    // Postponed first with the new date still to be announced: the old
    // dates stay, and the public page says the new one is to come.
    await press(page, page.getByRole('link', { name: 'Postpone', exact: true }));
    assert.equal(await heading(page), 'Postpone this event');
    let postpone = page.locator('form[data-form=event-postpone]');
    await postpone.getByLabel('New date to be announced').check();
    assert.equal(await sendFromAnotherSite(browser, page, postpone), 403, 'the postponement sent from another site');
    assert.equal(stored().status, 'scheduled', 'unchanged by the forgery');
    await press(page, postpone.getByRole('button', { name: 'Postpone the event' }));
    assert.equal(await notice(page), 'The event has been postponed; its new date will be announced.');
    assert.deepEqual([stored().start, stored().status], [before.start, 'postponed']);
    await openEvent(page, title);
    let shown = await publicPage(page);
    assert.match(await heading(page), /Postponed, new date to be announced/i);
    assert.match(shown, /This event has been postponed\. Its new date will be announced here\./);
    assert.match(shown, /New date to be announced \(originally: /);

    // Then postponed to new dates, known at last.
    await openEvent(page, title);
    await press(page, page.getByRole('link', { name: 'Postpone', exact: true }));
    postpone = page.locator('form[data-form=event-postpone]');
    assert.ok(await postpone.getByLabel('New date to be announced').isChecked(), 'the choice as it stands');
    await postpone.getByLabel('New date known').check();
    await postpone.getByLabel('New start day').fill(`${year}-06-16`);
    await postpone.getByLabel('New start time').fill('10:00');
    await postpone.getByLabel('New end day').fill('');
    await postpone.getByLabel('New end time').fill('12:30');
    assert.equal(await sendFromAnotherSite(browser, page, postpone), 403, 'the new dates sent from another site');
    assert.deepEqual([stored().start, stored().status], [before.start, 'postponed'], 'unchanged by the forgery');
    await press(page, postpone.getByRole('button', { name: 'Postpone the event' }));
    assert.equal(await notice(page), 'The event has been postponed to its new date.');
    assert.deepEqual([stored().start, stored().end, stored().status], [`${year}-06-16T10:00`, `${year}-06-16T12:30`, 'postponed']);
    await openEvent(page, title);
    shown = await publicPage(page);
    assert.match(await heading(page), /Postponed/i);
    assert.match(shown, /This event has been postponed\. The date shown is the latest one announced\./);
    assert.match(shown, new RegExp(`16 June ${year}, 10\\.00 am – 12\\.30 pm`));
    await page.goto(site.url('/en/calendar'));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    assert.match(await card.innerText(), new RegExp(`16 June ${year}[\\s\\S]*Postponed`, 'i'), 'the calendar shows the new date, postponed');

    await openEvent(page, title);
    await press(page, page.getByRole('link', { name: 'Cancel this event' }));
    assert.equal(await heading(page), 'Cancel this event?');
    let confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the cancellation sent from another site');
    assert.equal(stored().status, 'postponed', 'unchanged by the forgery');
    await press(page, confirm.getByRole('button', { name: 'Cancel the event' }));
    assert.equal(await notice(page), 'The event has been cancelled. It stays in the calendar, marked as cancelled.');
    assert.equal(stored().status, 'cancelled');
    await openEvent(page, title);
    shown = await publicPage(page);
    const address = page.url();
    assert.match(await heading(page), /Cancelled/i);
    assert.match(shown, /This event is cancelled\./);

    await openEvent(page, title);
    await press(page, page.getByRole('link', { name: 'Delete this event' }));
    assert.equal(await heading(page), 'Delete this event?');
    confirm = page.locator('form[data-form=confirm]');
    assert.equal(await sendFromAnotherSite(browser, page, confirm), 403, 'the deletion sent from another site');
    assert.ok(stored(), 'still there after the forgery');
    await press(page, confirm.getByRole('button', { name: 'Move to the trash' }));
    assert.match(await notice(page), /^The event has been moved to the trash\. See the trash/);
    assert.equal(await page.getByRole('link', { name: title }).count(), 0, 'gone from the list');
    assert.equal(stored(), undefined);
    assert.equal((await page.goto(address)).status(), 404, 'its public page is gone');
    await page.context().close();
  });

  test('a newsletter subscriber found by address and erased', async () => {
    const email = 'a.reader@example.org';
    const reader = await browser.newPage({ width: 375 });
    await reader.goto(site.url('/en/newsletter'));
    const signUp = reader.locator('main form[data-form=newsletter-subscribe]');
    await signUp.getByLabel('Your email address').fill(email);
    await signUp.getByLabel(/I agree/).check();
    await press(reader, signUp.getByRole('button', { name: 'Sign up' }));
    assert.equal(await heading(reader), 'Check your inbox');
    await reader.context().close();
    assert.ok(subscribers().some((row) => row.email === email));

    // Addresses are for admins only: an editor is refused the list.
    const editor = await officer();
    assert.equal((await editor.goto(site.url('/admin/subscribers'))).status(), 403);
    assert.equal(await editor.getByRole('navigation').getByRole('link', { name: 'Subscribers' }).count(), 0, 'not offered to an editor');
    await editor.context().close();
    const page = await officer(1280, ADMIN);
    await page.goto(site.url('/admin/subscribers'));
    const search = page.getByRole('search');
    await search.getByLabel('Search by address (or part of it)').fill('a.reader@');
    await press(page, search.getByRole('button', { name: 'Search' }));
    assert.equal(await page.getByRole('heading', { name: '1 subscriber found' }).count(), 1);
    const row = page.getByRole('table').getByRole('row').filter({ hasText: email });
    assert.match(await row.innerText(), /Waiting for confirmation/);
    await press(page, row.getByRole('link', { name: email }));
    assert.equal(await heading(page), email);
    await press(page, page.getByRole('link', { name: 'Erase this person' }));
    assert.equal(await heading(page), 'Erase this person?');
    const erase = page.locator('form[data-form=subscriber-erase]');
    assert.equal(await sendFromAnotherSite(browser, page, erase), 403, 'the erasure sent from another site');
    assert.ok(subscribers().some((row) => row.email === email), 'still there after the forgery');
    await press(page, erase.getByRole('button', { name: 'Erase for good' }));
    assert.equal(await notice(page), 'The person has been erased.');
    assert.equal(subscribers().some((row) => row.email === email), false, 'gone from the export');
    await page.context().close();
  });
});
