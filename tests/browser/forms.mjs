// The check that no form lands untried: every POST form in the templates
// carries a name (`data-form="…"`, unique across the templates), and every
// name must be among the forms the browser suite sent (the file the
// browser writes, see support/browser.mjs).
//
//   node tests/browser/forms.mjs TEMPLATES_DIR SENT_FILE
//
// Exit 0 when every form was sent; 1 with the forms nobody sent, or the
// forms without a name, each with its template and line.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every POST form of the templates under `dir`: `{ name, file, line }`,
 * and the problems of forms that cannot be told apart. */
export function postForms(dir) {
  const forms = [];
  const problems = [];
  for (const file of walk(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/<form\b[^>]*>/gi)) {
      const tag = match[0];
      if (!/\bmethod\s*=\s*"post"/i.test(tag)) continue;
      const where = { file: path.relative(dir, file), line: text.slice(0, match.index).split('\n').length };
      const name = tag.match(/\bdata-form\s*=\s*"([^"]*)"/i)?.[1];
      if (!name) problems.push({ ...where, problem: 'a POST form without data-form="…"' });
      else if (name.includes('{')) problems.push({ ...where, problem: `data-form="${name}" is not a plain name` });
      else if (forms.some((form) => form.name === name)) problems.push({ ...where, problem: `data-form="${name}" is used twice` });
      else forms.push({ name, ...where });
    }
  }
  return { forms, problems };
}

/** What the check finds: the forms no browser test sent, and the names
 * sent that no template has (a renamed form). */
export function check(dir, sentNames) {
  const { forms, problems } = postForms(dir);
  const sent = new Set(sentNames);
  const unsent = forms.filter((form) => !sent.has(form.name));
  const known = new Set(forms.map((form) => form.name));
  const unknown = [...sent].filter((name) => !known.has(name));
  return { forms, problems, unsent, unknown };
}

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name.endsWith('.html') ? [full] : [];
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, sentFile] = process.argv.slice(2);
  if (!dir || !sentFile) {
    console.error('usage: node tests/browser/forms.mjs TEMPLATES_DIR SENT_FILE');
    process.exit(2);
  }
  let names = [];
  try {
    names = readFileSync(sentFile, 'utf8').split('\n').filter(Boolean);
  } catch {
    // No file: no form was sent.
  }
  const { forms, problems, unsent, unknown } = check(dir, names);
  for (const p of problems) console.error(`FAIL ${p.file}:${p.line}: ${p.problem}`);
  for (const form of unsent) console.error(`FAIL ${form.file}:${form.line}: the form "${form.name}" is sent by no browser test`);
  for (const name of unknown) console.error(`FAIL the browser sent a form "${name}" that no template has`);
  const failed = problems.length + unsent.length + unknown.length;
  console.log(`${forms.length - unsent.length} of ${forms.length} POST forms sent by the browser${failed ? '' : ': every one'}`);
  process.exit(failed ? 1 : 0);
}
