namespace NoticeChain.Chain.Events;

/// <summary>An event the registry logged, with the position of its log on the chain.</summary>
/// <remarks>
/// The subclasses are closed: one per event of the contract. Pattern-match on them
/// (<c>case RootAnchored anchored:</c>) to index the chain.
/// </remarks>
public abstract record RegistryEvent
{
    /// <summary>Where the log is: block, transaction and log index.</summary>
    public required LogPosition Position { get; init; }
}
