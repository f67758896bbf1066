namespace NoticeChain.Core.Notices;

/// <summary>How the store answered a revocation request.</summary>
public enum RevocationRequestOutcome
{
    /// <summary>The request is recorded for the anchoring worker.</summary>
    Recorded = 1,

    /// <summary>The same request (reason and effective date) was recorded before; nothing changed.</summary>
    AlreadyRecorded = 2,

    /// <summary>A different request for the notice was recorded before; it stands (HTTP 409).</summary>
    ConflictingRequest = 3,

    /// <summary>The authority has no notice with this id (another authority's notice is not found either).</summary>
    NotFound = 4,

    /// <summary>The notice is already revoked or superseded, or due to be superseded.</summary>
    NotInForce = 5,
}
