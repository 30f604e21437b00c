// The site's own words, read from its Fluent files (locales/LANG/*.ftl),
// so that a test that walks the back office in French or in English finds
// each field by the label a person reads, whichever the language.
//
// Reads what the back office's labels use: `id = text` on one line, or
// continued on indented lines, with `{ $name }` placeables filled from
// `args`. A selector (`{ $count -> … }`) is not read: such a message is
// matched with a pattern of the test's own.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');

function read(lang) {
  const messages = new Map();
  const dir = path.join(LOCALES, lang);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ftl'))) {
    let id = null;
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const start = line.match(/^([a-zA-Z][\w-]*) = ?(.*)$/);
      if (start) {
        id = start[1];
        messages.set(id, start[2]);
      } else if (id && /^\s+\S/.test(line) && !/^\s*[[*.]/.test(line)) {
        const before = messages.get(id);
        messages.set(id, before ? `${before} ${line.trim()}` : line.trim());
      } else if (!/^\s/.test(line)) {
        id = null;
      }
    }
  }
  return messages;
}

/** The words of `lang` (`fr` or `en`): `t(id, args)` is the message's text. */
export function words(lang) {
  const messages = read(lang);
  const t = (id, args = {}) => {
    const text = messages.get(id);
    if (text === undefined) throw new Error(`no message ${id} in locales/${lang}`);
    if (/\{\s*\$\w+\s*->/.test(text)) throw new Error(`${id} has a selector: match it with a pattern`);
    return text.replace(/{\s*\$([\w-]+)\s*\}/g, (_, name) => {
      if (!(name in args)) throw new Error(`${id} needs $${name}`);
      return String(args[name]);
    });
  };
  return { lang, t };
}
