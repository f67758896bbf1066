// Browser end-to-end test of the citizen page against a running NoticeChain API (started by the C# test
// tests/NoticeChain.IntegrationTests/Browser/CitizenPageBrowserTests.cs, which prepares the notices).
// Usage: node tests/browser/e2e/verify-page.mjs <config.json>
// Config: { baseUrl, screenshotDir, notices: { authentic, revoked, superseded: { file, id } }, authority }
// Prints one JSON report on stdout: { checks: [{ name, ok, detail }], observations: {...}, screenshots: [...] }.
// Exit code 0 when every check passed, 1 otherwise, 2 when the run itself failed.

import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { launch, lowestContrast, newContext, verdict } from './browser.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = config.baseUrl.replace(/\/$/, '');
const origin = new URL(base).origin;
const checks = [];
const observations = {};
const screenshots = [];
const log = { requests: [], consoleErrors: [] };
const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail: String(detail) });
const sha256 = bytes => createHash('sha256').update(bytes).digest('hex');

const files = {};
for (const [state, notice] of Object.entries(config.notices)) files[state] = notice.file;
// The authentic PDF with one byte changed in the middle: a different document to the verifier.
const work = mkdtempSync(path.join(tmpdir(), 'noticechain-page-'));
const tampered = Buffer.from(readFileSync(files.authentic));
tampered[Math.floor(tampered.length / 2)] ^= 0x01;
files.tampered = path.join(work, 'bescheid-veraendert.pdf');
writeFileSync(files.tampered, tampered);
const fileBytes = Object.values(files).map(f => readFileSync(f));
const digests = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, sha256(readFileSync(f))]));

mkdirSync(config.screenshotDir, { recursive: true });
async function shot(page, name, options = {}) {
  const file = path.join(config.screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  screenshots.push(file);
}

async function openPage(context, url = '/') {
  const page = await context.newPage();
  await page.goto(base + url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function checkFile(page, state) {
  await page.setInputFiles('#file', files[state]);
  return verdict(page);
}

async function run(browser) {
  const context = await newContext(browser, log, { viewport: { width: 1280, height: 900 } });
  const page = await openPage(context);
  // The first file-chooser listener switches interception on asynchronously; done here, long before the keyboard
  // test, so a chooser opened by a key press is never missed.
  page.on('filechooser', () => {});
  check('page is German by default', await page.getAttribute('html', 'lang') === 'de');
  await shot(page, 'start');

  const authentic = observations.authentic = await checkFile(page, 'authentic');
  check('anchored PDF is authentic', authentic.tone === 'authentic' && authentic.proofOk, authentic.text);
  const details = page.locator('#details details');
  await details.locator('summary').click();
  observations.authenticDetails = await details.innerText();
  check('details show the digest', observations.authenticDetails.includes(digests.authentic));
  check('details show the proof checked in the browser', observations.authenticDetails.includes('Beweis im Browser geprüft'));
  await shot(page, 'authentic');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-receipt"]')]);
  const receipt = JSON.parse(readFileSync(await download.path(), 'utf8'));
  check('receipt download is the notice\'s receipt', receipt.digest === digests.authentic && receipt.version === 1, download.suggestedFilename());

  observations.tampered = await checkFile(page, 'tampered');
  check('same PDF with one byte changed is unknown', observations.tampered.tone === 'unknown', observations.tampered.text);
  await shot(page, 'unknown');
  observations.revoked = await checkFile(page, 'revoked');
  check('revoked PDF is revoked', observations.revoked.tone === 'revoked' && observations.revoked.proofOk, observations.revoked.text);
  await shot(page, 'revoked');
  observations.superseded = await checkFile(page, 'superseded');
  check('superseded PDF is superseded', observations.superseded.tone === 'superseded' && observations.superseded.proofOk, observations.superseded.text);
  await shot(page, 'superseded');
  observations.retired = await checkFile(page, 'retired');
  check('a retired authority\'s PDF stays valid', observations.retired.tone === 'authentic'
    && observations.retired.text.includes('nicht mehr aktiv'), observations.retired.text);
  await shot(page, 'retired');
  observations.contrast = await lowestContrast(page);
  check('text contrast is at least 4.5:1', observations.contrast.ratio >= 4.5, JSON.stringify(observations.contrast));

  // Drag and drop: the same path as the file input, with a File made in the page from the PDF's bytes.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const transfer = await page.evaluateHandle(bytes => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'bescheid.pdf', { type: 'application/pdf' }));
    return data;
  }, [...readFileSync(files.authentic)]);
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  observations.dropped = await verdict(page);
  check('a dropped PDF is checked', observations.dropped.tone === 'authentic', observations.dropped.text);

  // Keyboard: Tab reaches the file input, the zone shows focus, Enter opens the chooser.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  let focused = '';
  for (let i = 0; i < 5 && focused !== 'file'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  check('Tab reaches the file input', focused === 'file', focused);
  const outline = await page.$eval('#drop-zone', zone => getComputedStyle(zone).outlineStyle);
  check('the focused drop zone shows an outline', outline !== 'none', outline);
  await shot(page, 'keyboard-focus', { fullPage: false });
  for (const key of ['Enter', ' ']) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.keyboard.press(key === ' ' ? 'Space' : key)]);
    await chooser.setFiles(files.authentic);
    const v = await verdict(page);
    check(`${key === ' ' ? 'Space' : key} opens the file chooser`, v.tone === 'authentic', v.title);
    await page.focus('#file');
  }

  // English: the switch, the lang attribute, and the choice remembered across a reload.
  await page.click('#language-switch');
  check('English switch sets lang="en"', await page.getAttribute('html', 'lang') === 'en');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  check('English is remembered', await page.getAttribute('html', 'lang') === 'en');
  observations.english = await checkFile(page, 'revoked');
  check('English result text', observations.english.title.startsWith('Revoked'), observations.english.title);
  await shot(page, 'revoked-en');
  await page.click('#language-switch');
  check('German again after switching back', await page.getAttribute('html', 'lang') === 'de');
  await page.close();

  // Deep link /?d=<digest>: checked on load, without a file.
  const deep = await openPage(context, `/?d=${digests.authentic.toUpperCase()}`);
  observations.deepLink = await verdict(deep);
  check('/?d= deep link checks the digest on load', observations.deepLink.tone === 'authentic' && observations.deepLink.proofOk, observations.deepLink.text);
  await shot(deep, 'deep-link');
  await deep.close();

  // /n/<id>: the notice the code names first, then the file must be that notice.
  const link = await openPage(context, `/n/${config.notices.authentic.id}`);
  observations.noticeLinkContext = await verdict(link, '#link-context');
  check('/n/<id> names the authority first', observations.noticeLinkContext.tone === 'info'
    && observations.noticeLinkContext.text.includes(config.authority), observations.noticeLinkContext.text);
  await shot(link, 'notice-link');
  observations.noticeLinkMatch = await checkFile(link, 'authentic');
  check('/n/<id> with its own PDF is authentic', observations.noticeLinkMatch.tone === 'authentic', observations.noticeLinkMatch.text);
  observations.noticeLinkMismatch = await checkFile(link, 'revoked');
  check('/n/<id> with another notice\'s PDF warns', observations.noticeLinkMismatch.tone === 'warning', observations.noticeLinkMismatch.text);
  await shot(link, 'notice-link-mismatch');
  await link.close();
  log.expectFailedLoads = true;
  const unknownId = randomUUID().replace(/^(.{14})./, '$17'); // a well-formed UUIDv7 that no notice has
  const links = [
    ['unknown notice', `/n/${unknownId}`, 'keinem registrierten Bescheid'],
    ['random UUIDv4', `/n/${randomUUID()}`, 'fehlerhaft'],
    ['malformed', '/n/not-an-id', 'fehlerhaft'],
  ];
  for (const [name, url, key] of links) {
    const other = await openPage(context, url);
    const v = await verdict(other, '#link-context');
    check(`/n/<${name}> says so`, v.tone === 'warning' && v.text.includes(key), v.text);
    await other.close();
  }
  log.expectFailedLoads = false;
  await context.close();
}

async function runFaults(browser) {
  const context = await newContext(browser, log, { viewport: { width: 1280, height: 900 } });
  const page = await openPage(context);
  // A tampered proof in a real answer: the page must not show the green result.
  await page.route('**/api/v1/verify/*', async route => {
    const response = await route.fetch();
    const answer = await response.json();
    if (answer.receipt) answer.receipt.auditPath = answer.receipt.auditPath.map(h => (h[0] === 'f' ? '0' : 'f') + h.slice(1));
    await route.fulfill({ response, json: answer });
  });
  observations.tamperedProof = await checkFile(page, 'authentic');
  check('a tampered proof is a warning, not authentic', observations.tamperedProof.tone === 'warning' && !observations.tamperedProof.proofOk,
    observations.tamperedProof.text);
  check('no receipt is offered for a failed proof', await page.locator('[data-action="download-receipt"]').count() === 0);
  await shot(page, 'proof-failed');
  await page.unrouteAll();
  // Faults the real API does not produce on demand, simulated at the network layer.
  log.expectFailedLoads = true;
  const faults = [
    ['rate-limited', route => route.fulfill({ status: 429, headers: { 'Retry-After': '30' }, contentType: 'application/problem+json', body: '{"status":429}' }), '30'],
    ['bad-request', route => route.fulfill({ status: 400, contentType: 'application/problem+json', body: '{"status":400,"errors":{"digest":["bad"]}}' }), 'digest'],
    ['network', route => route.abort('internetdisconnected'), 'nicht erreichbar'],
  ];
  for (const [name, handler, expected] of faults) {
    await page.route('**/api/v1/verify/*', handler);
    const v = observations[`error-${name}`] = await checkFile(page, 'authentic');
    check(`${name} error in plain language`, v.tone === 'error' && v.text.includes(expected), v.text);
    await shot(page, `error-${name}`);
    await page.unrouteAll();
  }
  log.expectFailedLoads = false;
  await context.close();

  // Phone: 375 x 740, no horizontal scrolling.
  const phone = await newContext(browser, log, { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const small = await openPage(phone);
  await shot(small, 'phone-start', { fullPage: false });
  observations.phone = await checkFile(small, 'authentic');
  await small.locator('#details summary').click();
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  check('no horizontal scrolling at 375 px', width <= 375, width);
  await small.locator('#result').scrollIntoViewIfNeeded();
  await shot(small, 'phone-authentic', { fullPage: false });
  await shot(small, 'phone-authentic-full');
  await phone.close();
}

function checkPrivacy() {
  const foreign = log.requests.filter(r => new URL(r.url).origin !== origin && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  check('no request leaves for another origin', foreign.length === 0, foreign.map(r => r.url).join(' '));
  const withBody = log.requests.filter(r => r.postDataBytes > 0);
  check('no request carries a body', withBody.length === 0, withBody.map(r => `${r.method} ${r.url} ${r.postDataBytes} B`).join(' '));
  const carriesFile = log.requests.filter(r => r.postData && fileBytes.some(b => r.postData.includes(b.subarray(0, 64))));
  check('no request carries the file\'s bytes', carriesFile.length === 0, carriesFile.map(r => r.url).join(' '));
  const api = log.requests.filter(r => new URL(r.url).pathname.startsWith('/api/'));
  const allowed = /^\/api\/v1\/verify\/([0-9a-f]{64}|notices\/[0-9a-f-]{36})$/;
  const strange = api.filter(r => r.method !== 'GET' || !allowed.test(new URL(r.url).pathname));
  check('only digests and notice ids went to the API', api.length > 0 && strange.length === 0, strange.map(r => `${r.method} ${r.url}`).join(' '));
  const sent = new Set(api.map(r => /([0-9a-f]{64})$/.exec(new URL(r.url).pathname)?.[1]).filter(Boolean));
  const known = new Set(Object.values(digests));
  check('the digests sent are the files\' SHA-256', [...sent].every(d => known.has(d)), [...sent].filter(d => !known.has(d)).join(' '));
  check('no console errors (CSP violations included)', log.consoleErrors.length === 0, log.consoleErrors.join(' | '));
  observations.requests = log.requests.map(({ method, url, postDataBytes }) => ({ method, url, postDataBytes }));
}

const browser = await launch();
let failed = null;
try {
  await run(browser);
  await runFaults(browser);
  checkPrivacy();
} catch (error) {
  failed = error;
  check('the run completed', false, error.stack ?? error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ checks, observations, screenshots }, null, 2) + '\n');
process.exitCode = failed ? 2 : checks.every(c => c.ok) ? 0 : 1;
