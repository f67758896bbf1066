using Microsoft.Extensions.Options;

namespace NoticeChain.Api.Authentication;

/// <summary>In development mode, loads or creates the dev signing key when the host starts, not at the first request.</summary>
/// <remarks>
/// So that <c>noticechain token</c> finds the key as soon as the API is up, and a broken key file stops the start
/// with its message instead of failing every request.
/// </remarks>
internal sealed partial class DevSigningKeyInitializer(
    IOptions<AuthOptions> options, DevSigningKeyProvider provider, ILogger<DevSigningKeyInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ParsedMode == AuthMode.Development)
        {
            LogDevelopmentMode(logger, provider.FilePath, provider.VerificationKey.KeyId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Development authentication: tokens signed by the key in {KeyFile} (kid {KeyId}) are accepted. Never use Auth:Mode=Development in production.")]
    private static partial void LogDevelopmentMode(ILogger logger, string keyFile, string keyId);
}
