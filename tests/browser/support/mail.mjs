// The mails the site wrote into its outbox folder (one `.eml` file each,
// as the site does when no SMTP server is set), read as a mail client
// would: headers unfolded, encoded words and the parts' transfer encodings
// decoded.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Every mail in the folder, oldest first. */
export function readOutbox(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseMail(readFileSync(path.join(dir, name))));
}

/** One message: its headers (lower-cased names), recipient, subject, and
 * its plain-text and HTML parts. */
export function parseMail(raw) {
  const { headers, body } = split(raw.toString('latin1'));
  const mail = { headers, to: headers.to ?? '', subject: decodeWords(headers.subject ?? ''), text: '', html: '' };
  for (const part of parts(headers, body)) {
    const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
    if (type.startsWith('text/plain')) mail.text = part.text;
    if (type.startsWith('text/html')) mail.html = part.text;
  }
  return mail;
}

/** The first address of a mail's text that contains `fragment`. */
export function linkIn(mail, fragment) {
  const found = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((url) => url.includes(fragment));
  if (!found) throw new Error(`no link with ${fragment} in the mail "${mail.subject}"`);
  return found;
}

function split(text) {
  const end = text.indexOf('\r\n\r\n') >= 0 ? text.indexOf('\r\n\r\n') : text.indexOf('\n\n');
  const head = text.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
  const body = text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function parts(headers, body) {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = type.match(/boundary="?([^";]+)"?/i);
  if (!/^multipart\//i.test(type) || !boundary) {
    return [{ headers, text: decodeBody(body, headers) }];
  }
  return body
    .split(`--${boundary[1]}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => {
      const part = split(chunk.replace(/^\r?\n/, ''));
      return parts(part.headers, part.body);
    });
}

function decodeBody(body, headers) {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let bytes;
  if (encoding === 'base64') {
    bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  } else if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const out = [];
    for (let i = 0; i < joined.length; i += 1) {
      if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
        out.push(parseInt(joined.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.push(joined.charCodeAt(i));
      }
    }
    bytes = Buffer.from(out);
  } else {
    bytes = Buffer.from(body, 'latin1');
  }
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words (`=?utf-8?b?…?=`), joined as a reader sees them. */
function decodeWords(value) {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind, text) => {
      if (kind.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}
