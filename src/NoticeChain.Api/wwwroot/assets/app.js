// The citizen page's controller: reads the deep links (/?d=<digest>, /n/<notice id>), hashes a chosen or dropped
// file in the browser, asks the verify API about the digest only, checks the receipt's proof itself, and renders.

import { VerifyError, verifyDigest, verifyNotice } from './api.js';
import { digestFile, isHash64 } from './hashing.js';
import { language, rememberedLanguage, setLanguage } from './i18n.js';
import { checkReceipt } from './merkle.js';
import { describeAnswer, describeError, describeLinkContext, describeProblem, describeProgress } from './verdict.js';
import { download, renderDetails, renderStatic, renderVerdict } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const page = {
  input: document.getElementById('file'),
  dropZone: document.getElementById('drop-zone'),
  result: document.getElementById('result'),
  details: document.getElementById('details'),
  context: document.getElementById('link-context'),
  languageButton: document.getElementById('language-switch'),
};

// What is on screen, kept so a language switch can render it again in the other language.
const shown = { verdict: null, options: {}, details: null, context: null };
let generation = 0;
let lastCheck = null;

/** The notice id of a /n/<id> link (lower case), '' for a malformed one, null on other paths. */
function linkIdFromPath(path) {
  const match = /^\/n\/([^/]*)\/?$/.exec(path);
  if (!match) return null;
  const id = decodeURIComponent(match[1]);
  return UUID.test(id) ? id.toLowerCase() : '';
}

const linkId = linkIdFromPath(window.location.pathname);

function showVerdict(verdict, options = {}) {
  shown.verdict = verdict;
  shown.options = options;
  renderVerdict(page.result, verdict, { ...options, onRetry: lastCheck });
}

function showDetails(details) {
  shown.details = details;
  if (!details) {
    page.details.replaceChildren();
    return;
  }
  const wasOpen = page.details.querySelector('details')?.open ?? false;
  renderDetails(page.details, details, () => download(
    `receipt-${details.answer.noticeId ?? details.digest.slice(0, 16)}.json`,
    JSON.stringify(details.answer.receipt, null, 2) + '\n',
    'application/json'));
  if (wasOpen) page.details.querySelector('details').open = true;
}

function showContext(verdict) {
  shown.context = verdict;
  page.context.hidden = verdict === null;
  if (verdict) renderVerdict(page.context, verdict);
}

function renderAll() {
  renderStatic(document, language());
  page.languageButton.setAttribute('lang', language() === 'de' ? 'en' : 'de');
  if (shown.context) showContext(shown.context);
  if (shown.verdict) showVerdict(shown.verdict, shown.options);
  if (shown.details) showDetails(shown.details);
}

/** Asks the verify API about digest, checks the receipt in the browser and shows the result. */
async function checkDigest(digest, { fileName = null, fromLink = false } = {}) {
  const mine = ++generation;
  lastCheck = () => checkDigest(digest, { fileName, fromLink });
  showVerdict(describeProgress('asking'));
  showDetails(null);
  try {
    const answer = await verifyDigest(digest.toLowerCase());
    const proof = answer.receipt ? await checkReceipt(answer.receipt, digest) : null;
    if (mine !== generation) return;
    showVerdict(describeAnswer({ answer, digest: digest.toLowerCase(), proof, linkId: linkId || null }), { fileName, fromLink });
    showDetails({ answer, digest: digest.toLowerCase(), proof });
  } catch (error) {
    if (mine !== generation) return;
    showVerdict(describeError(error instanceof VerifyError ? error : { kind: 'server' }));
  }
}

async function checkFile(file) {
  if (!file) return;
  const mine = ++generation;
  lastCheck = () => checkFile(file);
  showVerdict(describeProgress('hashing', { name: file.name }));
  showDetails(null);
  let digest;
  try {
    digest = await digestFile(file);
  } catch {
    if (mine === generation) showVerdict(describeError({ kind: 'read' }));
    return;
  }
  if (mine === generation) await checkDigest(digest, { fileName: file.name });
}

async function loadLinkContext() {
  if (linkId === '') {
    showContext(describeProblem('linkInvalid'));
    return;
  }
  showContext(describeProgress('loadingNotice'));
  try {
    showContext(describeLinkContext(await verifyNotice(linkId)));
  } catch (error) {
    // The API refuses an id that is no notice id (not a UUIDv7) with 400: for the citizen, a broken link.
    if (error?.kind === 'not-found') showContext(describeProblem('linkNotFound'));
    else if (error?.kind === 'bad-request') showContext(describeProblem('linkInvalid'));
    else showContext(describeError(error));
  }
}

function wireFileInput() {
  page.input.addEventListener('change', () => {
    checkFile(page.input.files?.[0]);
    // Cleared, so choosing the same file again checks it again.
    page.input.value = '';
  });
  // Enter and Space open the chooser, whatever the browser does natively for a focused file input.
  page.input.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      page.input.click();
    }
  });
  for (const type of ['dragenter', 'dragover']) {
    page.dropZone.addEventListener(type, event => {
      event.preventDefault();
      page.dropZone.classList.add('drop-zone--active');
    });
  }
  for (const type of ['dragleave', 'dragend']) {
    page.dropZone.addEventListener(type, () => page.dropZone.classList.remove('drop-zone--active'));
  }
  page.dropZone.addEventListener('drop', event => {
    event.preventDefault();
    page.dropZone.classList.remove('drop-zone--active');
    checkFile(event.dataTransfer?.files?.[0]);
  });
  // A file dropped beside the zone would otherwise be opened by the browser, leaving the page.
  for (const type of ['dragover', 'drop']) window.addEventListener(type, event => event.preventDefault());
}

function start() {
  setLanguage(rememberedLanguage(), false);
  renderAll();
  page.languageButton.addEventListener('click', () => {
    setLanguage(language() === 'de' ? 'en' : 'de', true);
    renderAll();
  });
  wireFileInput();
  if (linkId !== null) loadLinkContext();
  const digest = new URLSearchParams(window.location.search).get('d');
  if (digest !== null) {
    if (isHash64(digest)) checkDigest(digest, { fromLink: true });
    else showVerdict(describeProblem('digestLinkInvalid'));
  }
  document.body.dataset.ready = 'true';
}

start();
