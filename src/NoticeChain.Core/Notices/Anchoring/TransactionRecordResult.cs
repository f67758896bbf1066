namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>The store's answer to recording a transaction.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="NextNonce">The sender's next nonce after the call.</param>
public sealed record TransactionRecordResult(TransactionRecordOutcome Outcome, ulong NextNonce);
