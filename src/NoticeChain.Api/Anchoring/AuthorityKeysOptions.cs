namespace NoticeChain.Api.Anchoring;

/// <summary>Where the authorities' signing keys are (<c>Keys</c> section).</summary>
/// <remarks>
/// One Web3 Secret Storage (v3) keystore per authority, named <c>&lt;authority id&gt;.json</c> (the id as
/// <c>0x</c> and 64 hex digits), all encrypted with one passphrase from <see cref="PassphraseFile"/> or the
/// <c>NOTICECHAIN_KEY_PASSPHRASE</c> environment variable. The passphrase is never configuration text: it
/// would end up in logs of configuration dumps.
/// </remarks>
public sealed class AuthorityKeysOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Keys";

    /// <summary>Environment variable holding the keystores' passphrase when no file is configured.</summary>
    public const string PassphraseVariable = "NOTICECHAIN_KEY_PASSPHRASE";

    /// <summary>Folder with the keystores; default <c>&lt;data folder&gt;/keys/authorities</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>File holding the passphrase (a Docker or Kubernetes secret); trailing line breaks (CR, LF) are ignored.</summary>
    public string? PassphraseFile { get; set; }
}
