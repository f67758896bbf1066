namespace NoticeChain.Core.Receipts;

/// <summary>The JSON shape of receipt version 1, field for field (docs/receipt-format.md).</summary>
/// <remarks>
/// Every property is nullable so that the parser, not the serializer, reports a missing field by name. The
/// declaration order is the order the fields are written in.
/// </remarks>
internal sealed class ReceiptJsonV1
{
    public int? Version { get; set; }

    public string? Digest { get; set; }

    public string? Salt { get; set; }

    public ulong? LeafIndex { get; set; }

    public ulong? TreeSize { get; set; }

#pragma warning disable CA1819 // A serialization shape: the array is the JSON array.
    public string?[]? AuditPath { get; set; }
#pragma warning restore CA1819

    public string? Root { get; set; }

    public ulong? ChainId { get; set; }

    public string? Registry { get; set; }

    public string? TransactionHash { get; set; }

    public ulong? BlockNumber { get; set; }

    public string? BlockHash { get; set; }

    public string? AuthorityId { get; set; }

    public string? AnchoringKey { get; set; }

    public string? AnchoredAt { get; set; }
}

