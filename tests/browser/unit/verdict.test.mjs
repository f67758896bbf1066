// The wording rules of the citizen page (verdict.js with i18n.js), without a browser: which answer shows what,
// and that the green result needs the browser's own proof check. Run: node --test tests/browser/unit/*.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { parseRetryAfter } from '../../../src/NoticeChain.Api/wwwroot/assets/api.js';
import { de } from '../../../src/NoticeChain.Api/wwwroot/assets/i18n-de.js';
import { en } from '../../../src/NoticeChain.Api/wwwroot/assets/i18n-en.js';
import { setLanguage, t } from '../../../src/NoticeChain.Api/wwwroot/assets/i18n.js';
import { checkReceipt } from '../../../src/NoticeChain.Api/wwwroot/assets/merkle.js';
import { describeAnswer, describeError, describeLinkContext } from '../../../src/NoticeChain.Api/wwwroot/assets/verdict.js';

const receipt = JSON.parse(/## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(
  readFileSync(fileURLToPath(new URL('../../../docs/receipt-format.md', import.meta.url)), 'utf8'))[1]);
const digest = receipt.digest;
const NOTICE = '019ab3f2-6c1e-7d3a-9b4e-2f1c0a9e8d7b';
const answer = (changes = {}) => ({
  digest, status: 'authentic', finding: null, noticeId: NOTICE,
  authority: { id: receipt.authorityId, name: 'Untere Bauaufsicht Herten', retiredAt: null },
  anchoredAt: '2026-11-20T09:30:00Z', blockNumber: 42, transactionHash: receipt.transactionHash, chainId: 31337,
  registry: receipt.registry, revocation: null, supersession: null, receipt, checkedAgainstChain: true,
  chainHead: { blockNumber: 57, blockHash: `0x${'ab'.repeat(32)}` }, ...changes,
});
const proof = await checkReceipt(receipt, digest);
const now = Date.parse('2026-12-15T12:00:00Z');

function say(model, lang = 'de') {
  setLanguage(lang, false);
  const parts = [model.title, ...model.lines, ...model.after].map(l => t(l.key, l.params));
  if (model.list) parts.push(t(model.list.key), ...model.list.items.map(k => t(k)));
  return parts.join(' ');
}

test('German and English have the same texts', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(de).sort());
});

test('authentic, in German and English, with dates in Berlin time', () => {
  const model = describeAnswer({ answer: answer(), digest, proof, now });
  assert.equal(model.tone, 'authentic');
  assert.equal(model.proof, 'ok');
  assert.match(say(model), /^Echt: Dieser Bescheid wurde am 20\.11\.2026 von der Behörde „Untere Bauaufsicht Herten“ erlassen\. Der Bescheid ist nicht aufgehoben\./);
  assert.match(say(model, 'en'), /^Authentic: .*“Untere Bauaufsicht Herten” on 20 November 2026\. The notice has not been revoked\./);
  // 23:30 UTC on 30 November is already 1 December in Berlin.
  assert.match(say(describeAnswer({ answer: answer({ anchoredAt: '2026-11-30T23:30:00Z' }), digest, proof, now })), /am 01\.12\.2026/);
});

test('revoked, with the German legal term for each reason', () => {
  const words = { withdrawal: 'Rücknahme', revocation: 'Widerruf', correction: 'Berichtigung', nullity: 'Nichtigkeit', other: 'Sonstiges' };
  for (const [reason, word] of Object.entries(words)) {
    const revocation = { reason, effectiveAt: '2026-12-01T00:00:00Z', revokedAt: '2026-11-25T10:00:00Z' };
    const model = describeAnswer({ answer: answer({ status: 'revoked', revocation }), digest, proof, now });
    assert.equal(model.tone, 'revoked');
    assert.match(say(model), new RegExp(`^Aufgehoben am 01\\.12\\.2026 \\(${word}\\)\\.`));
  }
  const future = { reason: 'revocation', effectiveAt: '2027-01-01T00:00:00Z', revokedAt: '2026-11-25T10:00:00Z' };
  assert.match(say(describeAnswer({ answer: answer({ status: 'revoked', revocation: future }), digest, proof, now })),
    /^Aufgehoben mit Wirkung zum 01\.01\.2027 \(Widerruf\)\..*§ 49 VwVfG/);
});

test('superseded names the new notice\'s date', () => {
  const supersession = { reason: 'correction', effectiveAt: '2026-12-01T00:00:00Z', supersededAt: '2026-11-26T08:00:00Z',
    newLeaf: 'aa'.repeat(32), newRoot: 'bb'.repeat(32), newAnchoredAt: '2026-11-26T08:00:00Z' };
  const model = describeAnswer({ answer: answer({ status: 'superseded', supersession }), digest, proof, now });
  assert.equal(model.tone, 'superseded');
  assert.match(say(model), /^Ersetzt durch den Bescheid vom 26\.11\.2026\./);
});

test('pending and unknown explain what to do', () => {
  const pending = describeAnswer({ answer: answer({ status: 'pending', finding: 'awaiting-anchor', receipt: null }), digest, proof: null, now });
  assert.equal(pending.tone, 'pending');
  assert.equal(pending.retry, true);
  assert.match(say(pending), /^Registriert, wird gerade verankert – bitte in einer Minute erneut prüfen\./);
  const unknown = describeAnswer({ answer: answer({ status: 'unknown', finding: 'not-registered', noticeId: null, authority: null, receipt: null }), digest, proof: null, now });
  assert.equal(unknown.tone, 'unknown');
  const text = say(unknown);
  assert.match(text, /^Unbekannt: dieses Dokument wurde von keiner registrierten Behörde verankert\./);
  assert.match(text, /eingescannte Datei hat einen anderen Fingerabdruck/);
  assert.match(text, /Fragen Sie bei der Behörde nach/);
});

test('a retired authority keeps its notices valid', () => {
  const model = describeAnswer({ answer: answer({ authority: { id: receipt.authorityId, name: 'Jugendamt X', retiredAt: '2026-11-21T00:00:00Z' } }), digest, proof, now });
  assert.equal(model.tone, 'authentic');
  assert.match(say(model), /Die Behörde „Jugendamt X“ ist seit dem 21\.11\.2026 nicht mehr aktiv; frühere Bescheide bleiben gültig\./);
});

test('no green result without the browser\'s own proof check', async () => {
  const cases = {
    'no receipt': [answer({ receipt: null }), null],
    'failed proof': [answer(), { ...proof, ok: false, problem: 'proof-mismatch' }],
    'receipt of another authority': [answer({ authority: { id: `0x${'11'.repeat(32)}`, name: 'X', retiredAt: null } }), proof],
    'receipt of another registry': [answer({ registry: `0x${'22'.repeat(20)}` }), proof],
    'answer about another digest': [answer({ digest: 'cc'.repeat(32) }), proof],
  };
  for (const [name, [a, p]] of Object.entries(cases)) {
    const model = describeAnswer({ answer: a, digest, proof: p, now });
    assert.equal(model.tone, 'warning', name);
    assert.notEqual(model.proof, 'ok', name);
    assert.match(say(model), /^Achtung: Der Nachweis konnte in Ihrem Browser nicht bestätigt werden\./, name);
  }
});

test('a /n/<id> link: the notice first, then the file must be that notice', () => {
  const context = describeLinkContext(answer({ digest: null, receipt: null }));
  assert.match(say(context), /^Dieser Code gehört zu einem Bescheid der Behörde „Untere Bauaufsicht Herten“ vom 20\.11\.2026\. Legen Sie die PDF-Datei ab/);
  assert.equal(describeAnswer({ answer: answer(), digest, proof, linkId: NOTICE, now }).tone, 'authentic');
  const other = describeAnswer({ answer: answer(), digest, proof, linkId: '019ab3f2-0000-7000-8000-000000000000', now });
  assert.equal(other.tone, 'warning');
  assert.match(say(other), /^Achtung: Ihre Datei ist nicht der Bescheid, zu dem dieser Code gehört\./);
});

test('errors in plain language, Retry-After in seconds or as a date', () => {
  assert.match(say(describeError({ kind: 'rate-limited', retryAfter: 30 })), /Bitte warten Sie 30 Sekunden/);
  assert.match(say(describeError({ kind: 'network' })), /nicht erreichbar/);
  assert.match(say(describeError({ kind: 'bad-request', field: 'digest' })), /„digest“/);
  assert.match(say(describeError({ kind: 'server', status: 503 })), /Status 503/);
  assert.equal(parseRetryAfter('120'), 120);
  assert.equal(parseRetryAfter('Sun, 22 Nov 2026 08:01:00 GMT', Date.parse('2026-11-22T08:00:00Z')), 60);
  assert.equal(parseRetryAfter(null), null);
  assert.equal(parseRetryAfter('soon'), null);
});
