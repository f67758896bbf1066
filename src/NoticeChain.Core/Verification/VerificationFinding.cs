namespace NoticeChain.Core.Verification;

/// <summary>Why a verification ended as it did: the machine-readable detail behind <see cref="VerificationStatus"/>.</summary>
/// <remarks>Every value except <see cref="None"/> explains an <see cref="VerificationStatus.Unknown"/> or
/// <see cref="VerificationStatus.Pending"/> answer; the verify API writes it in kebab case (<c>root-not-anchored</c>).</remarks>
public enum VerificationFinding
{
    /// <summary>Nothing to explain: the status says it all.</summary>
    None = 0,

    /// <summary>No authority registered a document with this digest with this service.</summary>
    NotRegistered,

    /// <summary>The notice is registered and durable but waits for its batch to be anchored.</summary>
    AwaitingAnchor,

    /// <summary>The receipt names a block the checked chain has not reached (or not yet indexed).</summary>
    AwaitingConfirmation,

    /// <summary>The document's digest is not the receipt's digest: the receipt belongs to another document.</summary>
    DigestMismatch,

    /// <summary>The leaf does not lead along the audit path to the receipt's root: the receipt was altered.</summary>
    ProofMismatch,

    /// <summary>The registry never anchored the receipt's root.</summary>
    RootNotAnchored,

    /// <summary>The root was anchored by another authority than the receipt names.</summary>
    AuthorityMismatch,

    /// <summary>The root was anchored with another tree size than the receipt's proof uses.</summary>
    TreeSizeMismatch,

    /// <summary>The anchoring key was not a key of the authority at the time of anchoring.</summary>
    KeyNotValid,
}
