// The check over the templates' forms, on templates made for it: it finds
// a form nobody sent, a form without a name, a name used twice, and a name
// sent that no template has; and it passes when every form was sent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { check } from './forms.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function templates(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'forms-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('a form that no browser test sends fails the check, with its template and line', () => {
  const dir = templates({
    'newsletter.html': '<main>\n<form method="post" action="{{ a }}" data-form="subscribe">\n</form>\n<form method="get" action="/search"></form>\n</main>',
    'admin/new.html': '<p>\n</p>\n<form class="x" method="POST" data-form="brand-new" action="/admin/new">\n</form>',
  });
  try {
    const found = check(dir, ['subscribe']);
    assert.deepEqual(found.forms.map((f) => f.name), ['brand-new', 'subscribe']);
    assert.deepEqual(found.unsent, [{ name: 'brand-new', file: path.join('admin', 'new.html'), line: 3 }]);
    assert.deepEqual(found.problems, []);
    // Sent too, it passes.
    const all = check(dir, ['subscribe', 'brand-new']);
    assert.deepEqual([all.unsent, all.problems, all.unknown], [[], [], []]);
    // The command line says so with its exit status.
    const sentFile = path.join(dir, 'sent.txt');
    writeFileSync(sentFile, 'subscribe\n');
    const run = spawnSync(process.execPath, [path.join(HERE, 'forms.mjs'), dir, sentFile], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /admin\/new\.html:3: the form "brand-new" is sent by no browser test/);
    writeFileSync(sentFile, 'subscribe\nbrand-new\n');
    assert.equal(spawnSync(process.execPath, [path.join(HERE, 'forms.mjs'), dir, sentFile]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a form without a plain name of its own, or a name sent that no template has, fails the check', () => {
  const dir = templates({
    'a.html': '<form method="post" action="/a"></form>\n<form method="post" data-form="{{ id }}"></form>',
    'b.html': '<form method="post" data-form="b"></form><form method="post" data-form="b"></form>',
  });
  try {
    const found = check(dir, ['b', 'renamed']);
    assert.deepEqual(found.problems.map((p) => `${p.file}:${p.line}`), ['a.html:1', 'a.html:2', 'b.html:1']);
    assert.deepEqual(found.unknown, ['renamed']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the site\'s own templates name every POST form once', () => {
  const { forms, problems } = check(path.join(HERE, '../../templates'), []);
  assert.deepEqual(problems, []);
  assert.ok(forms.length >= 30, `${forms.length} forms`);
});
