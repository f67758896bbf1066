using NoticeChain.Core.Notices;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Anchoring;

/// <summary>The signing keys of the authorities this installation anchors for: authority id → current key.</summary>
/// <remarks>
/// <para>
/// An abstraction because where keys come from is the host's business: the API loads one encrypted Web3 keystore
/// per authority with a passphrase from the environment or a secret file, tests hold keys in memory
/// (<see cref="InMemoryAuthorityKeyring"/>), and a later implementation may ask an HSM. The processor only needs a
/// key to sign with, and the list of authorities to reconcile nonces for at start.
/// </para>
/// <para>The keyring owns its keys; the processor never disposes one and never keeps one beyond a pass.</para>
/// </remarks>
public interface IAuthorityKeyring
{
    /// <summary>The authorities that have a key.</summary>
    IReadOnlyCollection<AuthorityId> Authorities { get; }

    /// <summary>The authority's current signing key, or null when the keyring has none for it.</summary>
    PrivateKey? FindKey(AuthorityId authority);
}
