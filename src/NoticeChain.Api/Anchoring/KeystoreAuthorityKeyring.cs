using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Notices;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Api.Anchoring;

/// <summary>The authorities' signing keys, decrypted once at start from the keystore folder.</summary>
/// <remarks>
/// Decrypting at start makes a wrong passphrase or a corrupt file fail the start with a message naming the
/// file, instead of failing the first anchoring minutes later. The keys stay in memory for the process's
/// life and are zeroed on dispose.
/// </remarks>
internal sealed class KeystoreAuthorityKeyring : IAuthorityKeyring, IDisposable
{
    private readonly Dictionary<AuthorityId, PrivateKey> _keys;

    private KeystoreAuthorityKeyring(Dictionary<AuthorityId, PrivateKey> keys) => _keys = keys;

    public IReadOnlyCollection<AuthorityId> Authorities => _keys.Keys;

    public PrivateKey? FindKey(AuthorityId authority) => _keys.GetValueOrDefault(authority);

    /// <summary>Loads every <c>0x….json</c> keystore in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">A file is misnamed, unreadable or does not open with the passphrase.</exception>
    public static KeystoreAuthorityKeyring Load(string folder, string? passphrase)
    {
        var keys = new Dictionary<AuthorityId, PrivateKey>();
        if (!Directory.Exists(folder))
        {
            return new KeystoreAuthorityKeyring(keys);
        }

        try
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!AuthorityId.TryParse(name, out var authority))
                {
                    throw new InvalidOperationException($"Keystore '{Path.GetFileName(path)}' is not named after an authority id (0x and 64 hex digits).");
                }

                if (passphrase is null)
                {
                    throw new InvalidOperationException(
                        $"Authority keystores exist in '{folder}' but no passphrase is configured (Keys:PassphraseFile or {AuthorityKeysOptions.PassphraseVariable}).");
                }

                try
                {
                    keys.Add(authority, Web3Keystore.Decrypt(KeystoreFile.Parse(File.ReadAllText(path)), passphrase));
                }
                catch (KeystoreException e)
                {
                    throw new InvalidOperationException($"Keystore '{Path.GetFileName(path)}' cannot be opened: {e.Message}", e);
                }
            }
        }
        catch
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            throw;
        }

        return new KeystoreAuthorityKeyring(keys);
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
