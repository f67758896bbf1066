using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage;

/// <summary>Folds an authority's governance events, read in chain order, into the record the verify API shows.</summary>
/// <remarks>
/// Events before the registration are ignored (the registry cannot emit them; a partial index could hold them).
/// Shared by both stores' <c>GetAuthorityAsync</c>.
/// </remarks>
internal sealed class AuthorityEventFold(AuthorityId authority)
{
    private readonly List<ChainAddress> _keys = [];
    private AuthorityRecord? _record;

    /// <summary>Applies the next event (the stored kind name: <c>registered</c>, <c>key_rotated</c>, <c>retired</c>).</summary>
    public void Add(string kind, ChainAddress key, string? name, DateTimeOffset blockTime)
    {
        switch (kind)
        {
            case "registered":
                _keys.Add(key);
                _record = new AuthorityRecord(authority, name ?? string.Empty, key, _keys, blockTime, null);
                break;
            case "key_rotated" when _record is not null:
                _keys.Add(key);
                _record = _record with { CurrentKey = key };
                break;
            case "retired" when _record is not null:
                _record = _record with { RetiredAt = blockTime };
                break;
            default:
                break;
        }
    }

    /// <summary>The authority, or null when no registration was seen.</summary>
    public AuthorityRecord? Result() => _record is null ? null : _record with { Keys = _keys.ToArray() };
}
