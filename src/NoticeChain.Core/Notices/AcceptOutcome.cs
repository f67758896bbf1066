namespace NoticeChain.Core.Notices;

/// <summary>How the store answered a submission of one or more notices.</summary>
/// <remarks>
/// Only <see cref="Accepted"/> and <see cref="Replayed"/> stored (or had stored) anything; every other outcome
/// left the store exactly as it was, for all notices of the submission. There is no zero value.
/// </remarks>
public enum AcceptOutcome
{
    /// <summary>Every notice is durably stored: created now, or found with the same digest (see <see cref="AcceptedNotice.Created"/>).</summary>
    Accepted = 1,

    /// <summary>The idempotency key was used before with the same request body; the notices of that first request are returned.</summary>
    Replayed = 2,

    /// <summary>The idempotency key was used before with a different request body (HTTP 422).</summary>
    IdempotencyKeyReused = 3,

    /// <summary>A notice names in <c>supersedes</c> a notice the authority does not have.</summary>
    SupersededNoticeNotFound = 4,

    /// <summary>A notice names in <c>supersedes</c> a notice that is revoked, superseded, or already due to be.</summary>
    SupersededNoticeNotInForce = 5,
}
