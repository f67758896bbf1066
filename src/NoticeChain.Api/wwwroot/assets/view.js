// Builds the page's DOM from verdict models and answers. Every text goes in through textContent (never
// innerHTML), and no element gets a style attribute: the content security policy allows neither inline script
// nor inline style, and an authority name from an answer must never be read as markup.

import { format, t } from './i18n.js';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const text = line => t(line.key, line.params);

/** Fills the elements marked data-i18n (text) and data-i18n-label (aria-label) and the document title. */
export function renderStatic(root, lang) {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
}

/** Shows a verdict model in container (the aria-live status region); onRetry is called by its retry button. */
export function renderVerdict(container, verdict, { fileName = null, fromLink = false, onRetry = null } = {}) {
  const card = el('div', { class: `verdict verdict--${verdict.tone}`, 'data-tone': verdict.tone });
  card.append(el('h3', { class: 'verdict-title' },
    el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, verdict.icon), ' ', el('span', {}, text(verdict.title))));
  for (const l of verdict.lines) card.append(el('p', {}, text(l)));
  if (verdict.list) {
    card.append(el('p', { class: 'verdict-list-heading' }, t(verdict.list.key)));
    card.append(el('ul', {}, verdict.list.items.map(key => el('li', {}, t(key)))));
  }
  for (const l of verdict.after) card.append(el('p', {}, text(l)));
  if (verdict.proof === 'ok') {
    card.append(el('p', { class: 'proof proof--ok', 'data-proof': 'ok' }, t('browserOk')));
  }
  if (fileName !== null) card.append(el('p', { class: 'verdict-source' }, t('checkedFile', { name: fileName })));
  if (fromLink) card.append(el('p', { class: 'verdict-source' }, t('checkedLinkDigest')));
  if (verdict.retry && onRetry) {
    const button = el('button', { type: 'button', class: 'button button--secondary', 'data-action': 'retry' }, t('retry'));
    button.addEventListener('click', onRetry);
    card.append(el('p', {}, button));
  }
  container.replaceChildren(card);
}

function row(key, value, { mono = false } = {}) {
  const shown = value === null || value === undefined || value === '' ? t('none') : value;
  return [el('dt', {}, t(`details_${key}`)), el('dd', { class: mono ? 'mono' : null, 'data-field': key }, shown)];
}

function proofRows(receipt, proof) {
  if (!receipt) return [];
  const path = el('ol', { class: 'mono audit-path', start: '0' }, (receipt.auditPath ?? []).map(h => el('li', {}, h)));
  const check = proof?.ok ? t('browserOk') : t('proofFailedTitle');
  return [
    el('h3', {}, t('details_proof')),
    el('dl', {},
      row('leafIndex', format.number(receipt.leafIndex)),
      row('treeSize', format.number(receipt.treeSize)),
      row('leaf', proof?.leaf ?? null, { mono: true }),
      row('root', receipt.root, { mono: true }),
      [el('dt', {}, t('details_auditPath')), el('dd', {}, receipt.auditPath?.length ? path : t('none'))],
      row('browserCheck', check)),
  ];
}

/** Shows the technical details of an answer (collapsed) and the receipt download in container. */
export function renderDetails(container, { answer, digest, proof }, onDownload) {
  const r = answer.revocation;
  const s = answer.supersession;
  const head = answer.chainHead ? `${format.number(answer.chainHead.blockNumber)} (${answer.chainHead.blockHash})` : null;
  const details = el('details', { class: 'details' },
    el('summary', {}, t('detailsSummary')),
    el('dl', {},
      row('digest', answer.digest ?? digest, { mono: true }),
      row('status', t(`status_${answer.status}`)),
      answer.finding ? row('finding', answer.finding, { mono: true }) : [],
      row('noticeId', answer.noticeId, { mono: true }),
      row('authority', answer.authority?.name),
      row('authorityId', answer.authority?.id, { mono: true }),
      row('anchoredAt', answer.anchoredAt ? format.dateTime(answer.anchoredAt) : null),
      row('block', answer.blockNumber === null || answer.blockNumber === undefined ? null : format.number(answer.blockNumber)),
      row('transaction', answer.transactionHash, { mono: true }),
      row('chainId', answer.chainId),
      row('registry', answer.registry, { mono: true }),
      row('chainHead', head, { mono: true }),
      row('checkedAgainstChain', answer.checkedAgainstChain ? t('yes') : t('no')),
      r ? row('revocation', t('effectiveFrom', { reason: r.reason, effectiveAt: r.effectiveAt, recordedAt: r.revokedAt })) : [],
      s ? row('supersession', t('effectiveFrom', { reason: s.reason, effectiveAt: s.effectiveAt, recordedAt: s.supersededAt })) : [],
      s ? row('newLeaf', s.newLeaf, { mono: true }) : []),
    proofRows(answer.receipt, proof));
  const children = [details];
  // A receipt whose proof failed in the browser is not offered: it would look like evidence.
  if (answer.receipt && proof?.ok) {
    const button = el('button', { type: 'button', class: 'button button--secondary', 'data-action': 'download-receipt' }, t('downloadReceipt'));
    button.addEventListener('click', onDownload);
    children.unshift(el('p', {}, button));
  }
  container.replaceChildren(...children);
}

/** Offers text as a file download from memory (a Blob URL): no round trip to the server. */
export function download(fileName, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
