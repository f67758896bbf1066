namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>The registry's governance events about an authority.</summary>
public enum AuthorityEventKind
{
    /// <summary><c>IssuerRegistered</c>: the authority and its first key.</summary>
    Registered = 1,

    /// <summary><c>IssuerKeyRotated</c>: a new key replaces the current one.</summary>
    KeyRotated = 2,

    /// <summary><c>IssuerRetired</c>: no new anchors; old ones stay verifiable.</summary>
    Retired = 3,
}
