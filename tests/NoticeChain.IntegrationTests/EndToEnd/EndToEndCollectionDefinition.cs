namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>The end-to-end test classes, run one at a time.</summary>
/// <remarks>
/// Each class starts its own Anvil node and a real API process that anchors in the background; running them side
/// by side on a small machine would measure CPU contention, not the service.
/// </remarks>
[CollectionDefinition(Name)]
public sealed class EndToEndCollectionDefinition
{
    public const string Name = "end-to-end";
}
