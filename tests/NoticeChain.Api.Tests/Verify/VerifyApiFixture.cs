using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>One API in development mode and its simulated chain, shared by the tests of a class.</summary>
public sealed class VerifyApiFixture : IAsyncLifetime
{
    private ApiServer? _server;

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The API has not started.");

    internal ChainSimulator Chain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        Chain = new ChainSimulator(_server);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
