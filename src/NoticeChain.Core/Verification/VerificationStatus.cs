namespace NoticeChain.Core.Verification;

/// <summary>What a verifier learns about a document: the five answers of the verify API, the citizen page and the CLI.</summary>
public enum VerificationStatus
{
    /// <summary>No registered authority anchored this document, or what was presented does not prove that one did.</summary>
    Unknown = 0,

    /// <summary>The authority registered the document and it is durable, but its anchor is not (yet) confirmed on chain.</summary>
    Pending = 1,

    /// <summary>Anchored on chain by the named authority with a key it held at the time, and neither revoked nor superseded.</summary>
    Authentic = 2,

    /// <summary>Anchored by the named authority, which later revoked it on chain.</summary>
    Revoked = 3,

    /// <summary>Anchored by the named authority, which later replaced it on chain by another notice.</summary>
    Superseded = 4,
}
