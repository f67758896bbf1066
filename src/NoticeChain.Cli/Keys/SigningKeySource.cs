using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Cli.Keys;

/// <summary>
/// Where a command gets the private key it signs with: a Web3 keystore file whose passphrase comes from
/// an environment variable or a file, or a raw hex key in an environment variable.
/// </summary>
/// <remarks>
/// A key or passphrase is never taken from a command-line argument: arguments are visible to every user
/// of the machine through the process list and end up in shell history.
/// </remarks>
public sealed class SigningKeySource
{
    /// <summary>Environment variable holding the passphrase of the keystore given with <c>--key-file</c>.</summary>
    public const string PassphraseVariable = "NOTICECHAIN_KEY_PASSPHRASE";

    private readonly Func<string, string?> _environment;

    /// <summary>Creates a source reading environment variables through <paramref name="environment"/>.</summary>
    public SigningKeySource(Func<string, string?>? environment = null) =>
        _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>
    /// Loads the key: from <paramref name="keyFile"/> if given (passphrase from <paramref name="passphraseFile"/>
    /// or <see cref="PassphraseVariable"/>), else from the hex key in <paramref name="keyVariable"/>.
    /// </summary>
    /// <exception cref="CliException">No source is configured, or the key cannot be read; the message says which and why, never the secret.</exception>
    public PrivateKey Load(FileInfo? keyFile, FileInfo? passphraseFile, string keyVariable)
    {
        if (keyFile is not null)
        {
            return LoadKeystore(keyFile, passphraseFile);
        }

        var hex = _environment(keyVariable);
        if (string.IsNullOrWhiteSpace(hex))
        {
            throw new CliException(
                $"No signing key: pass --key-file <keystore.json> (passphrase in {PassphraseVariable} or --passphrase-file) or set {keyVariable} to the hex private key.");
        }

        try
        {
            return PrivateKey.FromHex(hex.Trim());
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliException($"{keyVariable} does not hold a valid secp256k1 private key (64 hex digits).");
        }
    }

    private PrivateKey LoadKeystore(FileInfo keyFile, FileInfo? passphraseFile)
    {
        if (!keyFile.Exists)
        {
            throw new CliException($"Key file '{keyFile.FullName}' does not exist.");
        }

        string passphrase = ReadPassphrase(passphraseFile);
        try
        {
            var file = KeystoreFile.Parse(File.ReadAllText(keyFile.FullName));
            return Web3Keystore.Decrypt(file, passphrase);
        }
        catch (KeystoreException e)
        {
            throw new CliException($"Cannot open key file '{keyFile.Name}': {e.Message}");
        }
    }

    /// <summary>The passphrase from <paramref name="passphraseFile"/> if given, else from <see cref="PassphraseVariable"/>.</summary>
    /// <exception cref="CliException">The file does not exist, or neither source is set.</exception>
    public string ReadPassphrase(FileInfo? passphraseFile)
    {
        if (passphraseFile is not null)
        {
            if (!passphraseFile.Exists)
            {
                throw new CliException($"Passphrase file '{passphraseFile.FullName}' does not exist.");
            }

            // One trailing newline is what `echo secret > file` adds; it is not part of the passphrase.
            return File.ReadAllText(passphraseFile.FullName).TrimEnd('\r', '\n');
        }

        return _environment(PassphraseVariable)
            ?? throw new CliException($"The key file is encrypted: set {PassphraseVariable} or pass --passphrase-file.");
    }
}
