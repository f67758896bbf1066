// Turns a verify answer (docs: the verify contract), the browser's own proof check and the page's context into
// what the page says: a tone, a title and lines, each as an i18n key with parameters. Pure, so the wording rules
// are tested without a browser (tests/browser/unit/verdict.test.mjs) and re-rendered on a language switch.

const ICONS = {
  authentic: '✓', revoked: '✗', superseded: '⇄', pending: '◔', unknown: '?', warning: '⚠', error: '!', info: 'i', progress: '…',
};

const line = (key, params = {}) => ({ key, params });

function model(tone, title, lines = [], extra = {}) {
  return { tone, icon: ICONS[tone], title, lines, list: null, after: [], proof: null, retry: false, ...extra };
}

const lower = value => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * Whether the receipt names what the answer names: this digest, the answer's authority, chain and registry.
 * A receipt for someone else's root would pass the Merkle check and still prove nothing about this answer.
 */
export function receiptMatchesAnswer(answer, digest) {
  const receipt = answer.receipt;
  return receipt !== null && typeof receipt === 'object'
    && lower(answer.digest) === lower(digest)
    && lower(receipt.authorityId) === lower(answer.authority?.id)
    && receipt.chainId === answer.chainId
    && lower(receipt.registry) === lower(answer.registry);
}

/** Why the browser cannot confirm an answer that claims a proof, or null when it can. */
function proofProblem(answer, digest, proof) {
  if (!answer.receipt) return 'missing';
  if (!proof) return 'malformed';
  if (!proof.ok) return proof.problem;
  return receiptMatchesAnswer(answer, digest) ? null : 'inconsistent';
}

const UNKNOWN_MEANINGS = { key: 'unknownMeaning', items: ['unknownMeaning1', 'unknownMeaning2', 'unknownMeaning3'] };

/**
 * What to show for a verify answer.
 * @param {object} input
 * @param {object} input.answer the verify API's answer for the digest
 * @param {string} input.digest the digest the page computed (or took from the ?d= link)
 * @param {object|null} input.proof checkReceipt's result for answer.receipt, null when there is none
 * @param {string|null} input.linkId the notice id of a /n/<id> link, else null
 * @param {number} input.now milliseconds since the epoch, for "revoked with effect from" in the future
 */
export function describeAnswer({ answer, digest, proof, linkId = null, now = Date.now() }) {
  const authority = answer.authority?.name ?? '';
  const base = { authority, anchoredAt: answer.anchoredAt };
  const notes = [];
  if (answer.authority?.retiredAt) notes.push(line('retired', { authority, retiredAt: answer.authority.retiredAt }));
  if (answer.checkedAgainstChain === false) notes.push(line('notCheckedAgainstChain'));

  if (linkId !== null && lower(answer.noticeId) !== lower(linkId)) {
    const lines = [line('linkMismatchBody')];
    return model('warning', line('linkMismatchTitle'), lines, answer.status === 'unknown' ? { list: UNKNOWN_MEANINGS } : {});
  }

  const proven = ['authentic', 'revoked', 'superseded'].includes(answer.status);
  if (proven) {
    const problem = proofProblem(answer, digest, proof);
    if (problem !== null) {
      return model('warning', line('proofFailedTitle'), [line(`proofFailed_${problem}`), line('proofFailedTodo')], { proof: 'failed' });
    }
  }

  switch (answer.status) {
    case 'authentic':
      return model('authentic', line('authenticTitle', base), [line('notRevoked'), ...notes], { proof: 'ok' });
    case 'revoked': {
      const r = answer.revocation ?? {};
      const params = { ...base, reason: r.reason, effectiveAt: r.effectiveAt, revokedAt: r.revokedAt, future: Date.parse(r.effectiveAt) > now };
      return model('revoked', line('revokedTitle', params), [line('revokedBody', params), ...notes], { proof: 'ok' });
    }
    case 'superseded': {
      const s = answer.supersession ?? {};
      const params = { ...base, reason: s.reason, effectiveAt: s.effectiveAt, newAnchoredAt: s.newAnchoredAt };
      return model('superseded', line('supersededTitle', params), [line('supersededBody', params), ...notes], { proof: 'ok' });
    }
    case 'pending':
      return model('pending', line('pendingTitle'), [line('pendingBody', { authority: answer.authority?.name ?? null }), ...notes], { retry: true });
    default: {
      const lines = answer.finding && answer.finding !== 'not-registered' ? [line('finding', { finding: answer.finding })] : [];
      return model('unknown', line('unknownTitle'), [...lines, ...notes], { list: UNKNOWN_MEANINGS, after: [line('unknownTodo')] });
    }
  }
}

/** What to show for the notice a /n/<id> link names (an answer without digest and receipt), before any file. */
export function describeLinkContext(answer) {
  const params = { authority: answer.authority?.name ?? '', anchoredAt: answer.anchoredAt };
  const lines = [line('linkContextAction')];
  if (answer.status === 'revoked') lines.push(line('linkContextRevoked'));
  if (answer.status === 'superseded') lines.push(line('linkContextSuperseded'));
  if (answer.authority?.retiredAt) lines.push(line('retired', { authority: params.authority, retiredAt: answer.authority.retiredAt }));
  return model('info', line('linkContext', params), lines);
}

/** What to show for a failed request (api.js VerifyError) or an unreadable file. */
export function describeError(error) {
  switch (error?.kind) {
    case 'network': return model('error', line('errorTitle'), [line('errorNetwork')], { retry: true });
    case 'rate-limited': return model('error', line('errorTitle'), [line('errorRateLimited', { seconds: error.retryAfter })], { retry: true });
    case 'bad-request': return model('error', line('errorTitle'), [line('errorBadRequest', { field: error.field })]);
    case 'read': return model('error', line('errorTitle'), [line('errorRead')]);
    default: return model('error', line('errorTitle'), [line('errorServer', { status: error?.status ?? '–' })], { retry: true });
  }
}

/** A progress message (hashing, asking the service). */
export function describeProgress(key, params = {}) {
  return model('progress', line(key, params));
}

/** A problem the page finds by itself (a malformed link), with nothing to retry. */
export function describeProblem(key) {
  return model('warning', line(key));
}
