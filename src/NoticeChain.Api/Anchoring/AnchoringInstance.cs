using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Api.Anchoring;

/// <summary>This process's identity as an anchoring worker: a random id, new at every start, under which it holds
/// the authorities' anchoring leases (decision 0016).</summary>
/// <remarks>Logged at start with the machine name and process id, so an operator can tell from the lease table
/// (<c>anchoring_leases.holder</c>) which instance anchors for whom. It is no secret.</remarks>
/// <param name="Holder">The id.</param>
internal sealed record AnchoringInstance(LeaseHolderId Holder);
