using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>A signed transaction as the worker persists it before broadcasting it.</summary>
/// <remarks>
/// The raw bytes are what goes to <c>eth_sendRawTransaction</c>, so after a restart the identical transaction is
/// broadcast again, never a re-signed one with another hash. The other fields are the parts of it the store
/// needs without decoding it: sender and nonce (nonce bookkeeping), hash (finding its receipt), chain id and
/// recipient (a receipt's chain id and registry address). Record equality compares <see cref="RawTransaction"/>
/// by reference; compare <see cref="Hash"/> instead.
/// </remarks>
/// <param name="Sender">The authority's key that signed it.</param>
/// <param name="Nonce">Its nonce.</param>
/// <param name="Hash">Its hash, Keccak-256 of the raw bytes.</param>
/// <param name="RawTransaction">The signed bytes.</param>
/// <param name="ChainId">The chain id it is signed for.</param>
/// <param name="To">The registry contract it calls.</param>
public sealed record OutgoingTransaction(
    ChainAddress Sender,
    ulong Nonce,
    ChainHash Hash,
    ReadOnlyMemory<byte> RawTransaction,
    ulong ChainId,
    ChainAddress To);
