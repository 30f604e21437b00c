// A member of staff in the back office: signing in and out with the forms,
// as a person does.

import assert from 'node:assert/strict';
import { press } from './browser.mjs';

/** Signs in with the sign-in form (the interface in English unless the
 * account chose French); lands on the dashboard, or on the second step
 * when the account has one. */
export async function signIn(site, page, email, password, { landing = '/admin/' } = {}) {
  await page.goto(site.url('/admin/sign-in'));
  const form = page.locator('form[data-form=sign-in]');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password').fill(password);
  await press(page, form.getByRole('button', { name: 'Sign in' }));
  assert.equal(new URL(page.url()).pathname, landing, `signed in as ${email}`);
}

/** Signs out with the header's button. */
export async function signOut(page) {
  await press(page, page.locator('form[data-form=sign-out]').getByRole('button'));
  assert.equal(new URL(page.url()).pathname, '/admin/sign-in', 'signed out');
}
