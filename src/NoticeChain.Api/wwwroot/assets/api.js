// The public verify API (same origin; the content security policy allows no other). Every failure becomes a
// VerifyError whose kind the page explains in plain language: network, rate-limited, bad-request, not-found, server.

/** A failed request: kind, and where known the HTTP status, the Retry-After seconds and the field a 400 names. */
export class VerifyError extends Error {
  constructor(kind, { status = null, retryAfter = null, field = null } = {}) {
    super(`verify request failed: ${kind}${status ? ` (${status})` : ''}`);
    this.name = 'VerifyError';
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.field = field;
  }
}

/** Seconds to wait from a Retry-After header (delay-seconds or an HTTP date, RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The first field an RFC 9457 validation problem names, if any. */
async function problemField(response) {
  try {
    const problem = await response.json();
    const fields = problem && typeof problem.errors === 'object' && problem.errors !== null ? Object.keys(problem.errors) : [];
    return fields[0] ?? null;
  } catch {
    return null;
  }
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store', signal });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new VerifyError('network');
  }
  const status = response.status;
  if (response.ok) {
    try {
      return await response.json();
    } catch {
      throw new VerifyError('server', { status });
    }
  }
  if (status === 429) throw new VerifyError('rate-limited', { status, retryAfter: parseRetryAfter(response.headers.get('Retry-After')) });
  if (status === 404) throw new VerifyError('not-found', { status });
  if (status === 400) throw new VerifyError('bad-request', { status, field: await problemField(response) });
  throw new VerifyError('server', { status });
}

/** GET /api/v1/verify/{digest}: the answer for a document's SHA-256 (64 hex digits). */
export function verifyDigest(digest, signal) {
  return getJson(`/api/v1/verify/${encodeURIComponent(digest)}`, signal);
}

/** GET /api/v1/verify/notices/{id}: status and issuer of the notice a QR code names (no digest, no receipt). */
export function verifyNotice(id, signal) {
  return getJson(`/api/v1/verify/notices/${encodeURIComponent(id)}`, signal);
}
