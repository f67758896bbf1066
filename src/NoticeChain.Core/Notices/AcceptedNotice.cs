namespace NoticeChain.Core.Notices;

/// <summary>One notice of a submission, as stored, and whether this submission created it.</summary>
/// <param name="Notice">The notice as stored.</param>
/// <param name="Created">
/// True when this submission stored it; false when the authority had already submitted the same digest (or the
/// request was replayed), in which case the earlier notice is returned unchanged.
/// </param>
public sealed record AcceptedNotice(Notice Notice, bool Created);
