namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>One fresh <see cref="AnvilNode"/> shared by the test classes of the "anvil" collection.</summary>
/// <remarks>
/// Starting a node takes about a second; sharing it across a collection keeps the suite fast, and xunit runs
/// the classes of one collection one after another, so tests never race on nonces. Tests that need a chain
/// nobody else touched start their own <see cref="AnvilNode"/>.
/// </remarks>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilNode? _node;

    /// <summary>The running node.</summary>
    public AnvilNode Node => _node ?? throw new InvalidOperationException("The Anvil fixture has not been initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
