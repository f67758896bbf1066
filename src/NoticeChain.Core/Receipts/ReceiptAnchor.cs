using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Receipts;

/// <summary>The chain half of a receipt: where and by whom a batch's root was anchored.</summary>
/// <remarks>
/// <para>
/// Every notice of a batch shares these values, so the store builds one per batch. They say where to look
/// (chain id, registry, block, transaction) and what the chain is expected to confirm there (the authority and
/// the key that anchored the root, and the block time). None of them is trusted on its own: a verifier reads the
/// registry's <c>getAnchor(root)</c> and compares (see docs/receipt-format.md). The values are what make that
/// comparison possible without the operator's database.
/// </para>
/// <para>Integers are limited to 2^53 - 1 so that a browser's JavaScript reads them exactly.</para>
/// </remarks>
public sealed class ReceiptAnchor
{
    /// <summary>Collects the chain facts of one anchoring transaction.</summary>
    /// <param name="chainId">The EIP-155 chain id of the network, 1 to 2^53 - 1.</param>
    /// <param name="registry">The <c>NoticeRegistry</c> contract's address; not zero.</param>
    /// <param name="transactionHash">The anchoring transaction; not zero.</param>
    /// <param name="blockNumber">The block that holds it, 1 to 2^53 - 1.</param>
    /// <param name="blockHash">That block's hash; not zero.</param>
    /// <param name="authority">The authority (registry <c>issuerId</c>) the root was anchored for.</param>
    /// <param name="anchoringKey">The authority's key that sent the transaction; not zero.</param>
    /// <param name="anchoredAt">The block timestamp, in whole seconds.</param>
    /// <exception cref="ArgumentException">A value breaks the rules above.</exception>
    public ReceiptAnchor(
        ulong chainId,
        ChainAddress registry,
        ChainHash transactionHash,
        ulong blockNumber,
        ChainHash blockHash,
        AuthorityId authority,
        ChainAddress anchoringKey,
        DateTimeOffset anchoredAt)
    {
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckChainId(chainId), nameof(chainId));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(registry.IsZero, "registry address"), nameof(registry));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(transactionHash.IsZero, "transaction hash"), nameof(transactionHash));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckBlockNumber(blockNumber), nameof(blockNumber));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(blockHash.IsZero, "block hash"), nameof(blockHash));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(authority == default, "authority id"), nameof(authority));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(anchoringKey.IsZero, "anchoring key"), nameof(anchoringKey));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckAnchoredAt(anchoredAt), nameof(anchoredAt));
        ChainId = chainId;
        Registry = registry;
        TransactionHash = transactionHash;
        BlockNumber = blockNumber;
        BlockHash = blockHash;
        Authority = authority;
        AnchoringKey = anchoringKey;
        AnchoredAt = anchoredAt.ToUniversalTime();
    }

    /// <summary>The EIP-155 chain id of the network.</summary>
    public ulong ChainId { get; }

    /// <summary>The <c>NoticeRegistry</c> contract's address.</summary>
    public ChainAddress Registry { get; }

    /// <summary>The transaction that called <c>anchor(root, treeSize)</c>.</summary>
    public ChainHash TransactionHash { get; }

    /// <summary>The block that holds the transaction.</summary>
    public ulong BlockNumber { get; }

    /// <summary>The hash of that block; a different hash at the same number means a reorg.</summary>
    public ChainHash BlockHash { get; }

    /// <summary>The authority the root was anchored for (the registry's <c>issuerId</c>).</summary>
    public AuthorityId Authority { get; }

    /// <summary>The authority's key that sent the transaction.</summary>
    public ChainAddress AnchoringKey { get; }

    /// <summary>The block timestamp (UTC, whole seconds): the proven time of issue.</summary>
    public DateTimeOffset AnchoredAt { get; }
}
