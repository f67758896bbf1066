namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>One API in development mode shared by the tests of a class: its start is the slow part, its state is only the key.</summary>
public sealed class DevApiFixture : IAsyncLifetime
{
    private ApiServer? _server;

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The API has not started.");

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
