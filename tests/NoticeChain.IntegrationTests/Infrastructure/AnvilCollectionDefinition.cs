namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>Test classes marked <c>[Collection(AnvilCollectionDefinition.Name)]</c> share one <see cref="AnvilFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AnvilCollectionDefinition : ICollectionFixture<AnvilFixture>
{
    /// <summary>The collection name, "anvil".</summary>
    public const string Name = "anvil";
}
