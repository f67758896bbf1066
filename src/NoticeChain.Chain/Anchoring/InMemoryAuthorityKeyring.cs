using NoticeChain.Core.Notices;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Anchoring;

/// <summary>A keyring held in memory: for tests, and for hosts that decrypt their keystores themselves.</summary>
/// <remarks>
/// Thread-safe, so a host can rotate a key (<see cref="Set"/>) while the processor runs. The keys stay owned by
/// whoever added them: the keyring neither copies nor disposes them, so the owner must keep a key undisposed
/// while it is in the keyring.
/// </remarks>
public sealed class InMemoryAuthorityKeyring : IAuthorityKeyring
{
    private readonly Lock _lock = new();
    private readonly Dictionary<AuthorityId, PrivateKey> _keys = [];

    /// <inheritdoc />
    public IReadOnlyCollection<AuthorityId> Authorities
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Keys];
            }
        }
    }

    /// <summary>Sets the authority's key, replacing any earlier one (after a key rotation).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Set(AuthorityId authority, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            _keys[authority] = key;
        }
    }

    /// <summary>Removes the authority's key; true when it had one.</summary>
    public bool Remove(AuthorityId authority)
    {
        lock (_lock)
        {
            return _keys.Remove(authority);
        }
    }

    /// <inheritdoc />
    public PrivateKey? FindKey(AuthorityId authority)
    {
        lock (_lock)
        {
            return _keys.GetValueOrDefault(authority);
        }
    }
}
