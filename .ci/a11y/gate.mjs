// Accessibility + HTML validity gate, run by CI against a live server.
//
// Install (once, from the repository root; --ignore-scripts skips vnu-jar's optional postinstall
// that would try to download a Java runtime, which a system java makes unnecessary):
//   npm ci --prefix .ci/a11y --ignore-scripts --no-audit --no-fund
// Run:
//   node .ci/a11y/gate.mjs BASE_URL PATH [PATH ...]
//   e.g. node .ci/a11y/gate.mjs http://127.0.0.1:4567 /fr/ /en/ /fr/no-such-page /en/no-such-page
//   GATE_SITEMAP=1 also checks every <loc> of BASE_URL/sitemap.xml (origin rewritten to BASE_URL).
//   A PATH written PATH=@FILE is an answer saved in FILE (a form's 422, say) as the site gave it
//   at PATH: its bytes are checked by the Nu checker, and the browser is given them in place of
//   the server's answer when it loads PATH (the page's styles and scripts still come from the site).
//
// For every URL it:
//   - fetches the page with Node's fetch (redirects followed hop by hop and printed; non-2xx
//     statuses such as 404 pages are allowed and printed) and keeps the final HTML body;
//   - loads it in Debian's Chromium (playwright-core, no bundled browser) and runs axe-core
//     (tags wcag2a, wcag2aa, wcag21a, wcag21aa) at 1280x800 and at 375x800;
//   - fails if the document scrolls horizontally (scrollWidth > innerWidth) at either width,
//     naming the elements that stick out past the right edge;
//   - runs the Nu HTML Checker (vnu.jar, --errors-only) over all fetched bodies at once.
// Exit 0 only with zero axe violations, zero vnu errors, no horizontal scrolling and every page
// loaded; exit 1 otherwise; exit 2 on bad usage.
//
// Needs: Node >= 20, /usr/bin/chromium (Debian package "chromium"), java >= 11 on PATH.
// Env: GATE_SITEMAP=1, GATE_CHROMIUM=/path/to/chromium (default /usr/bin/chromium),
//      GATE_COOKIE='name=value' (sent with every request: a back-office session),
//      GATE_LANGUAGE=fr (the Accept-Language of every request, by Node and by the browser),
//      JAVA_HOME (else `java` from PATH), GATE_WATCHDOG_MS (whole-run limit, default 30 min).
// Timeouts: 30 s per fetch and per navigation, 90 s per page check, so the gate cannot hang.

import { chromium } from 'playwright-core';
import vnuJarPath from 'vnu-jar';
import { createRequire } from 'node:module';
import { readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU_JAR = String(vnuJarPath);

const NAV_TIMEOUT_MS = 30_000;
const FETCH_TIMEOUT_MS = 30_000;
const PAGE_HARD_TIMEOUT_MS = 90_000; // whole per-page/per-viewport browser check
const MAX_REDIRECTS = 10;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 800 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM = process.env.GATE_CHROMIUM || '/usr/bin/chromium';
const COOKIE = {
  ...(process.env.GATE_COOKIE ? { cookie: process.env.GATE_COOKIE } : {}),
  ...(process.env.GATE_LANGUAGE ? { 'accept-language': process.env.GATE_LANGUAGE } : {}),
};
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic',
];

// ---------------------------------------------------------------------------------------------
// small helpers

function oneLine(s, max = 200) {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errMsg(e) {
  // Playwright errors carry ANSI colours and a long "Call log:"; keep the message only.
  let m = String(e?.message ?? e).replace(/\x1b\[[0-9;]*m/g, '');
  m = m.split(/\n\s*Call log:/)[0].split('\n').filter((l) => l.trim()).slice(0, 3).join(' | ');
  if (e?.cause) m += ` (cause: ${e.cause.code || e.cause.message || e.cause})`;
  return oneLine(m, 400);
}

function decodeXml(s) {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}

function usage(msg) {
  if (msg) console.error(`a11y gate: ${msg}`);
  console.error('usage: node .ci/a11y/gate.mjs BASE_URL PATH [PATH ...]   (GATE_SITEMAP=1 adds sitemap.xml URLs)');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// fetching

// Follows redirects hop by hop (so each hop is visible), returns the final response body.
async function fetchFollow(url) {
  const hops = [];
  let current = url;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    const res = await fetch(current, {
      redirect: 'manual',
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'user-agent': 'oneinfive-a11y-gate', ...COOKIE },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    hops.push({ url: current, status: res.status });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer().catch(() => {});
      current = new URL(location, current).href;
      continue;
    }
    const body = Buffer.from(await res.arrayBuffer());
    return { hops, finalUrl: current, status: res.status, contentType: res.headers.get('content-type') || '', body };
  }
  const shown = hops.slice(0, 4).map((h) => `${h.status} ${h.url}`).join(' -> ');
  throw new Error(`more than ${MAX_REDIRECTS} redirects: ${shown} -> …`);
}

async function sitemapUrls(base) {
  const out = [];
  const seen = new Set();
  const queue = [new URL('/sitemap.xml', base).href];
  while (queue.length && seen.size < 50) {
    const smUrl = queue.shift();
    if (seen.has(smUrl)) continue;
    seen.add(smUrl);
    const r = await fetchFollow(smUrl);
    if (r.status < 200 || r.status > 299) throw new Error(`${smUrl} answered ${r.status}`);
    const xml = r.body.toString('utf8');
    const isIndex = /<sitemapindex[\s>]/.test(xml);
    const locs = [...xml.matchAll(/<loc>\s*([\s\S]*?)\s*<\/loc>/g)].map((m) => decodeXml(m[1]));
    if (!isIndex && locs.length === 0) throw new Error(`${smUrl} has no <loc> entries`);
    for (const loc of locs) {
      const u = new URL(loc, base);
      const rewritten = new URL(u.pathname + u.search, base).href; // origin -> BASE_URL
      (isIndex ? queue : out).push(rewritten);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// browser checks

// Runs in the page: elements sticking out past the right edge of the viewport that are not
// clipped by a scrolling/hidden-overflow ancestor; outermost offenders, widest first.
function overflowProbe() {
  const iw = window.innerWidth;
  const sw = document.documentElement.scrollWidth;
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean) : [];
    if (cls.length) s += `.${cls.slice(0, 3).join('.')}`;
    const parts = [s];
    let p = el.parentElement;
    for (let i = 0; p && i < 3 && p !== document.body && p !== document.documentElement; i++) {
      let ps = p.tagName.toLowerCase();
      if (p.id) { ps += `#${p.id}`; parts.unshift(ps); break; }
      const pc = typeof p.className === 'string' ? p.className.trim().split(/\s+/).filter(Boolean) : [];
      if (pc.length) ps += `.${pc[0]}`;
      parts.unshift(ps);
      p = p.parentElement;
    }
    return parts.join(' > ');
  };
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') return true;
    }
    return false;
  };
  const exceeds = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > iw + 0.5;
  };
  const offenders = [];
  if (sw > iw) {
    for (const el of document.body ? document.body.querySelectorAll('*') : []) {
      if (!exceeds(el) || clipped(el)) continue;
      const parent = el.parentElement;
      const outermost = !parent || parent === document.body || !exceeds(parent);
      if (!outermost) continue;
      const r = el.getBoundingClientRect();
      offenders.push({ selector: describe(el), right: Math.round(r.right), width: Math.round(r.width), html: el.outerHTML.slice(0, 300) });
    }
    offenders.sort((a, b) => b.right - a.right);
  }
  return { innerWidth: iw, scrollWidth: sw, offenders: offenders.slice(0, 8), total: offenders.length };
}

// `saved`: the bytes the browser is given for the page itself in place of the server's answer.
async function checkInBrowser(browser, url, viewport, saved) {
  const context = await browser.newContext({ viewport, bypassCSP: true, ignoreHTTPSErrors: true, extraHTTPHeaders: COOKIE });
  const notes = [];
  try {
    if (saved) {
      const target = url.split('#')[0];
      await context.route('**/*', (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.url().split('#')[0] === target) {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: saved });
        }
        return route.continue();
      });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(NAV_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
    page.on('pageerror', (e) => notes.push(`page script error: ${oneLine(e.message, 200)}`));
    page.on('requestfailed', (r) => notes.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') notes.push(`subresource ${r.status()}: ${r.url()}`);
    });
    const pending = new Set();
    page.on('request', (r) => pending.add(r.url()));
    page.on('requestfinished', (r) => pending.delete(r.url()));
    page.on('requestfailed', (r) => pending.delete(r.url()));
    let resp;
    try {
      resp = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    } catch (e) {
      const still = [...pending].filter((p) => p !== url);
      if (still.length) e.message = `${String(e.message).split('\n')[0]} (still loading: ${still.slice(0, 5).join(', ')})`;
      throw e;
    }
    if (!resp) throw new Error('navigation produced no response');
    await withTimeout(page.evaluate(() => (document.fonts ? document.fonts.ready.then(() => true) : true)), 10_000, 'waiting for fonts').catch(() => {});
    await page.addScriptTag({ content: AXE_SOURCE });
    const axe = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
      }));
    }, AXE_TAGS);
    const overflow = await page.evaluate(overflowProbe);
    return { status: resp.status(), axe, overflow, notes };
  } finally {
    await withTimeout(context.close(), 10_000, 'closing browser context').catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Nu HTML Checker

function javaCmd() {
  if (process.env.JAVA_HOME) {
    const j = path.join(process.env.JAVA_HOME, 'bin', 'java');
    if (existsSync(j)) return j;
  }
  return 'java';
}

async function runVnu(pages) {
  // pages: [{ key, url, body }] -> { errors: [{ key, line, column, message, extract }], failure }
  const dir = mkdtempSync(path.join(tmpdir(), 'a11y-gate-'));
  try {
    const byFile = new Map();
    const files = pages.map((p, i) => {
      const f = path.join(dir, `page${String(i + 1).padStart(3, '0')}.html`);
      writeFileSync(f, p.body);
      byFile.set(path.basename(f), p.key);
      return f;
    });
    const timeoutMs = 120_000 + 2_000 * files.length;
    const { code, stdout, stderr, error } = await new Promise((resolve) => {
      let out = '', err = '';
      let child;
      try {
        child = spawn(javaCmd(), ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) { resolve({ code: null, stdout: '', stderr: '', error: e }); return; }
      const timer = setTimeout(() => { child.kill('SIGKILL'); err += `\n[killed after ${timeoutMs / 1000} s]`; }, timeoutMs);
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('error', (e) => { clearTimeout(timer); resolve({ code: null, stdout: out, stderr: err, error: e }); });
      child.on('close', (c) => { clearTimeout(timer); resolve({ code: c, stdout: out, stderr: err, error: null }); });
    });
    if (error) return { errors: [], failure: `could not run java (${errMsg(error)}); install a JRE >= 11` };
    let parsed;
    try {
      parsed = JSON.parse(stderr.trim() || stdout.trim());
    } catch {
      return { errors: [], failure: `vnu exited ${code} without JSON output: ${oneLine(stderr || stdout, 600)}` };
    }
    const errors = [];
    for (const m of parsed.messages || []) {
      if (m.type === 'info') continue; // not produced with --errors-only, but be safe
      const base = m.url ? path.basename(decodeURIComponent(new URL(m.url).pathname)) : '';
      errors.push({
        key: byFile.get(base) ?? null,
        type: m.type,
        line: m.lastLine ?? m.firstLine ?? '?',
        column: m.firstColumn ?? m.lastColumn ?? '?',
        message: m.message,
        extract: m.extract,
      });
    }
    if (code !== 0 && errors.length === 0) {
      return { errors, failure: `vnu exited ${code} but reported no messages: ${oneLine(stderr, 400)}` };
    }
    return { errors, failure: null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  const [baseArg, ...pathArgs] = process.argv.slice(2);
  if (!baseArg) usage('BASE_URL missing');
  let base;
  try { base = new URL(baseArg); } catch { usage(`not a URL: ${baseArg}`); }
  if (!/^https?:$/.test(base.protocol)) usage(`BASE_URL must be http(s): ${baseArg}`);
  const baseHref = base.origin + base.pathname.replace(/\/+$/, '');

  const started = Date.now();
  const urls = [];
  const addUrl = (u) => { if (!urls.includes(u)) urls.push(u); };
  // A saved answer's key is its address with a fragment naming the file, so that it is told apart
  // from the page itself; the fragment never reaches the server.
  const savedAnswers = new Map(); // key -> Buffer
  for (const arg of pathArgs) {
    const [p, file] = arg.includes('=@') ? [arg.slice(0, arg.indexOf('=@')), arg.slice(arg.indexOf('=@') + 2)] : [arg, null];
    let u;
    try {
      u = /^https?:\/\//i.test(p) ? new URL(p).href : new URL(baseHref + (p.startsWith('/') ? p : `/${p}`)).href;
    } catch { usage(`bad PATH: ${p}`); }
    if (file) {
      if (!existsSync(file)) usage(`no such file: ${file}`);
      u = `${u.split('#')[0]}#answer-${path.basename(file)}`;
      savedAnswers.set(u, readFileSync(file));
    }
    addUrl(u);
  }

  // problems[url] = list of strings, plus global problems
  const report = new Map(); // url -> { status, hops, load: [], axe: Map, overflow: [], vnu: [], notes: Set }
  const globalProblems = [];
  const entry = (u) => {
    if (!report.has(u)) report.set(u, { status: null, hops: [], load: [], axe: new Map(), overflow: [], vnu: [], notes: new Set(), browserChecked: false });
    return report.get(u);
  };

  if (process.env.GATE_SITEMAP === '1') {
    try {
      const sm = await sitemapUrls(baseHref + '/');
      console.log(`sitemap.xml: ${sm.length} URL(s)`);
      sm.forEach(addUrl);
    } catch (e) {
      globalProblems.push(`sitemap: could not read ${baseHref}/sitemap.xml: ${errMsg(e)}`);
    }
  }
  if (urls.length === 0 && globalProblems.length === 0) usage('no PATH given (and GATE_SITEMAP!=1)');

  console.log(`a11y gate: ${urls.length} URL(s) against ${baseHref}`);

  // 1. fetch every page with Node
  const bodies = [];
  const browserUrls = []; // only pages that came back as HTML are worth a browser run
  for (const u of urls) {
    const e = entry(u);
    if (savedAnswers.has(u)) {
      const body = savedAnswers.get(u);
      e.status = 'saved';
      console.log(`  ${u}: an answer saved earlier, ${body.length} bytes`);
      if (body.length === 0) e.load.push('empty saved answer');
      else bodies.push({ key: u, body });
      browserUrls.push(u);
      continue;
    }
    try {
      const r = await fetchFollow(u);
      e.status = r.status;
      e.hops = r.hops;
      const chain = r.hops.map((h) => h.status).join(' -> ');
      const redirected = r.hops.length > 1 ? ` (final URL ${r.finalUrl})` : '';
      console.log(`  GET ${u} -> ${chain} ${r.contentType.split(';')[0] || 'no content-type'}, ${r.body.length} bytes${redirected}`);
      if (!/html/i.test(r.contentType)) {
        e.load.push(`response is not HTML (content-type "${r.contentType}")`);
      } else if (r.body.length === 0) {
        e.load.push('empty HTML body');
      } else {
        bodies.push({ key: u, body: r.body });
      }
      if (/html/i.test(r.contentType)) browserUrls.push(u);
    } catch (err) {
      console.log(`  GET ${u} -> FAILED`);
      e.load.push(`fetch failed: ${errMsg(err)}`);
    }
  }

  // 2. start vnu in the background while the browser works
  let vnuFailure = null;
  const vnuPromise = bodies.length
    ? runVnu(bodies).catch((e) => ({ errors: [], failure: `vnu crashed: ${errMsg(e)}` }))
    : Promise.resolve({ errors: [], failure: null });

  // 3. browser checks
  let browser = null;
  if (!existsSync(CHROMIUM)) {
    globalProblems.push(`browser: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
  } else {
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: NAV_TIMEOUT_MS });
    } catch (e) {
      globalProblems.push(`browser: could not launch ${CHROMIUM}: ${errMsg(e)}`);
    }
  }
  if (browser) {
    for (const u of browserUrls) {
      const e = entry(u);
      let loadFailed = false;
      for (const vp of VIEWPORTS) {
        const vpName = `${vp.width}x${vp.height}`;
        if (loadFailed) { console.log(`  ${vpName} ${u}: skipped (failed at the previous width)`); continue; }
        try {
          const r = await withTimeout(checkInBrowser(browser, u, vp, savedAnswers.get(u)), PAGE_HARD_TIMEOUT_MS, `browser check at ${vpName}`);
          e.browserChecked = true;
          r.notes.forEach((n) => e.notes.add(n));
          for (const v of r.axe) {
            if (!e.axe.has(v.id)) e.axe.set(v.id, { ...v, nodes: new Map() });
            const agg = e.axe.get(v.id);
            for (const n of v.nodes) {
              const k = JSON.stringify(n.target);
              if (!agg.nodes.has(k)) agg.nodes.set(k, { ...n, viewports: [] });
              agg.nodes.get(k).viewports.push(vpName);
            }
          }
          const o = r.overflow;
          if (o.scrollWidth > o.innerWidth + 0) {
            const lines = [`horizontal scrolling at ${vpName}: document scrollWidth ${o.scrollWidth}px > innerWidth ${o.innerWidth}px`];
            if (o.offenders.length === 0) lines.push('      (no single unclipped element found past the right edge; look for negative margins, transforms or pseudo-elements)');
            for (const off of o.offenders) {
              lines.push(`      ${off.selector}: right edge ${off.right}px, width ${off.width}px  ${oneLine(off.html, 140)}`);
            }
            if (o.total > o.offenders.length) lines.push(`      … and ${o.total - o.offenders.length} more`);
            e.overflow.push(lines.join('\n'));
          }
          console.log(`  ${vpName} ${u}: ${r.axe.length} axe rule(s) violated${o.scrollWidth > o.innerWidth ? ', horizontal scroll' : ''}`);
        } catch (err) {
          console.log(`  ${vpName} ${u}: FAILED to load/check`);
          e.load.push(`browser at ${vpName}: ${errMsg(err)}`);
          loadFailed = true;
        }
      }
    }
    await withTimeout(browser.close(), 15_000, 'closing browser').catch(() => {});
  }

  // 4. vnu results
  const vnu = await vnuPromise;
  if (vnu.failure) { vnuFailure = vnu.failure; globalProblems.push(`vnu: ${vnu.failure}`); }
  for (const err of vnu.errors) {
    if (err.key) entry(err.key).vnu.push(err);
    else globalProblems.push(`vnu: ${err.type}: ${err.message}`);
  }

  // 5. report
  let nAxe = 0, nVnu = 0, nOverflow = 0, nLoad = 0;
  console.log('');
  for (const [u, e] of report) {
    const axeCount = [...e.axe.values()].reduce((s, v) => s + v.nodes.size, 0);
    const pageProblems = axeCount + e.vnu.length + e.overflow.length + e.load.length;
    nAxe += axeCount; nVnu += e.vnu.length; nOverflow += e.overflow.length; nLoad += e.load.length;
    const statusText = e.status === null ? 'no response' : e.status === 'saved' ? 'saved answer' : `HTTP ${e.hops.map((h) => h.status).join(' -> ')}`;
    const label = pageProblems ? 'FAIL' : e.browserChecked && !vnuFailure ? 'ok  ' : '??  ';
    const unchecked = !pageProblems && label === '??  ' ? ' (not fully checked, see below)' : '';
    console.log(`${label} ${u} [${statusText}] ${pageProblems} problem(s)${unchecked}`);
    for (const l of e.load) console.log(`  load: ${l}`);
    for (const v of e.axe.values()) {
      console.log(`  axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`);
      for (const n of v.nodes.values()) {
        const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
        console.log(`      [${n.viewports.join(', ')}] ${oneLine(target, 160)}`);
        console.log(`        ${oneLine(n.html, 200)}`);
        if (n.summary) {
          const [head, ...items] = n.summary.split('\n').map((l) => l.trim()).filter(Boolean);
          console.log(`        ${oneLine(`${head} ${items.join('; ')}`, 300)}`);
        }
      }
    }
    for (const o of e.overflow) console.log(`  ${o}`);
    for (const v of e.vnu) {
      console.log(`  vnu line ${v.line}, col ${v.column}: ${v.type === 'error' ? '' : `${v.type}: `}${oneLine(v.message, 300)}`);
      if (v.extract) console.log(`        ${oneLine(v.extract, 160)}`);
    }
    if (pageProblems && e.notes.size) for (const n of e.notes) console.log(`  note (not counted): ${oneLine(n, 200)}`);
  }
  for (const g of globalProblems) console.log(`FAIL ${g}`);

  const total = nAxe + nVnu + nOverflow + nLoad + globalProblems.length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (total) {
    console.log(`\nsummary: ${nAxe} axe violation node(s), ${nVnu} vnu error(s), ${nOverflow} horizontal-scroll failure(s), ${nLoad} load failure(s)${globalProblems.length ? `, ${globalProblems.length} other` : ''}${vnuFailure ? ' (HTML validity NOT fully checked)' : ''}`);
  }
  console.log(`a11y gate: ${urls.length} pages checked, ${total} problems (${secs} s)`);
  return total ? 1 : 0;
}

// Last-resort watchdog so CI can never hang on this script.
const WATCHDOG_MS = Number(process.env.GATE_WATCHDOG_MS) || 30 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`a11y gate: aborted, still running after ${WATCHDOG_MS / 1000} s`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (e) => { console.error(`a11y gate: crashed: ${e?.stack || e}`); process.exit(1); },
);
