using Microsoft.Extensions.Options;
using NoticeChain.Api.Notices;

namespace NoticeChain.Api.Operations;

/// <summary>Checks the <c>Store</c> settings at start, with the same rules the store host applies when it opens the
/// database, so a bad provider or connection string stops the start before anything else runs.</summary>
/// <remarks>The messages never contain the connection string (it may hold a password).</remarks>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.TryBuild(NoticeStoreHost.DatabaseFileName, out _);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
