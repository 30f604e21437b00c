// The eight tasks of a secretariat officer, walked in French as a person
// does them, at a desktop's width and at a phone's (support/tasks.mjs):
// each page on the way fits its width.

import { describe, test, before, after } from 'node:test';
import { startSite } from './support/site.mjs';
import { openBrowser } from './support/browser.mjs';
import { officer, TASKS } from './support/tasks.mjs';

const EMAIL = 'chargee.de.mission@example.org';
const PASSWORD = 'lanterne verger violon 47 cuivre';

for (const width of [1280, 375]) {
  describe(`the officer's eight tasks, in French, ${width} px wide (${process.env.BROWSER_BACKEND || 'sqlite'})`, () => {
    let site;
    let browser;
    let walk;
    before(async () => {
      site = await startSite();
      browser = await openBrowser();
      site.cli(['admin', 'create', EMAIL, '--role', 'admin', '--lang', 'fr'], `${PASSWORD}\n${PASSWORD}\n`);
      const page = await browser.newPage({ locale: 'fr-FR', width });
      walk = officer({ site, page, lang: 'fr', email: EMAIL, password: PASSWORD, shot: async (name) => { if (process.env.TASK_SHOTS) await page.screenshot({ path: `${process.env.TASK_SHOTS}/${width}-${name}.png`, fullPage: true }); } });
    });
    after(async () => {
      await browser?.close();
      await site?.stop();
    });

    // The tasks in order, in one window: each starts where the one
    // before left the officer.
    for (const id of TASKS) {
      test(id, () => walk.find((task) => task.id === id).run());
    }
  });
}
