using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;

namespace NoticeChain.Api.Hosting;

/// <summary>Opens the authorities' keystores at start, when anchoring is on, so a wrong passphrase or a misnamed file
/// stops the start with one message instead of failing the anchoring worker after the API is up.</summary>
internal static class AuthorityKeyCheck
{
    /// <exception cref="OptionsValidationException">A keystore cannot be opened; the message names the file, never the passphrase.</exception>
    public static void Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            _ = services.GetService<KeystoreAuthorityKeyring>();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(AuthorityKeysOptions.Section, typeof(AuthorityKeysOptions), [e.Message]);
        }
    }
}
