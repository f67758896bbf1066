namespace NoticeChain.Chain.Events;

/// <summary>The registry's events of one block range, ordered by block and log index.</summary>
/// <remarks>A follower stores the events of a page and then <see cref="ToBlock"/> as its checkpoint, so a restart resumes after the last complete page.</remarks>
/// <param name="FromBlock">The first block of the range.</param>
/// <param name="ToBlock">The last block of the range (inclusive).</param>
/// <param name="Events">The events in the range, possibly none.</param>
public sealed record RegistryEventPage(ulong FromBlock, ulong ToBlock, IReadOnlyList<RegistryEvent> Events);
