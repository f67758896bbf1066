namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>What a chain action sends to the registry.</summary>
public enum ChainActionKind
{
    /// <summary><c>anchor(root, size)</c> for a batch of notices.</summary>
    Anchor = 1,

    /// <summary><c>revoke(leaf, root, index, size, path, reason, effectiveAt)</c> for one notice.</summary>
    Revoke = 2,

    /// <summary><c>supersede(old, new, reason, effectiveAt)</c> for a pair of notices.</summary>
    Supersede = 3,
}
