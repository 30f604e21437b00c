// The back office in a real browser, as a member of staff uses it: sign in
// with the form, see the dashboard, sign out, and find the dashboard closed.
//
//   node .ci/a11y/sign-in.mjs BASE_URL EMAIL PASSWORD
//
// Exit 0 only when every step shows what it should. Chromium: GATE_CHROMIUM,
// else /usr/bin/chromium.
import { chromium } from 'playwright-core';

const [base, email, password] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node .ci/a11y/sign-in.mjs BASE_URL EMAIL PASSWORD');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.GATE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};
try {
  const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 375, height: 800 } })).newPage();
  await page.goto(new URL('/admin/', base).href);
  check(new URL(page.url()).pathname === '/admin/sign-in', `the closed back office leads to the sign-in page (${page.url()})`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/'), page.getByRole('button', { name: 'Sign in' }).click()]);
  check((await page.locator('h1').innerText()) === 'Dashboard', 'signed in: the dashboard');
  check(await page.getByText(email).first().isVisible(), 'the dashboard names who is signed in');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('oneinfive-session'));
  check(session && session.httpOnly && session.sameSite === 'Strict', 'the session cookie is HttpOnly and SameSite=Strict');
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/sign-in'), page.getByRole('button', { name: 'Sign out' }).click()]);
  check((await page.locator('h1').innerText()) === 'Sign in', 'signed out: the sign-in page');
  await page.goto(new URL('/admin/', base).href);
  check(new URL(page.url()).pathname === '/admin/sign-in', 'after signing out, the dashboard is closed');
} catch (error) {
  check(false, `the browser could not go through: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
