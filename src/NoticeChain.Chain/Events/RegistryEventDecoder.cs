using System.Numerics;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Events;

/// <summary>Turns the registry's logs into typed <see cref="RegistryEvent"/>s.</summary>
/// <remarks>
/// Decoding is strict (the ABI decoder checks every word), and a log that is not one of the registry's events
/// is an <see cref="AbiException"/> rather than skipped: the caller asked for the registry's logs, so a
/// foreign log means a wrong address or a node answering garbage, and a follower must stop, not index around it.
/// </remarks>
public static class RegistryEventDecoder
{
    private static readonly AbiEvent[] Events =
    [
        NoticeRegistryAbi.GovernanceTransferStarted,
        NoticeRegistryAbi.GovernanceTransferred,
        NoticeRegistryAbi.IssuerRegistered,
        NoticeRegistryAbi.IssuerKeyRotated,
        NoticeRegistryAbi.IssuerRetired,
        NoticeRegistryAbi.Anchored,
        NoticeRegistryAbi.Revoked,
        NoticeRegistryAbi.Superseded,
    ];

    /// <summary>The topic 0 of every registry event, for an <c>eth_getLogs</c> filter that matches any of them.</summary>
    public static IReadOnlyList<Hash32> EventTopics { get; } = [.. Events.Select(e => new Hash32(e.Topic0))];

    /// <summary>Decodes one log of the registry.</summary>
    /// <exception cref="AbiException">The log is not a registry event, or its topics or data are malformed.</exception>
    public static RegistryEvent Decode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count == 0)
        {
            throw new AbiException("A log without topics is not a registry event.");
        }

        var topic0 = log.Topics[0].ToArray();
        var abiEvent = Array.Find(Events, e => e.Topic0.SequenceEqual(topic0))
            ?? throw new AbiException($"Topic {log.Topics[0]} is not an event of the registry.");
        var values = abiEvent.DecodeLog([.. log.Topics.Select(t => t.ToArray())], log.Data.Span);
        var position = LogPosition.Of(log);
        return abiEvent.Name switch
        {
            "GovernanceTransferStarted" => new GovernanceTransferStarted
            {
                Position = position,
                CurrentGovernance = values.Get<Address>("currentGovernance"),
                PendingGovernance = values.Get<Address>("pendingGovernance"),
            },
            "GovernanceTransferred" => new GovernanceTransferred
            {
                Position = position,
                PreviousGovernance = values.Get<Address>("previousGovernance"),
                NewGovernance = values.Get<Address>("newGovernance"),
            },
            "IssuerRegistered" => new IssuerRegistered
            {
                Position = position,
                IssuerId = IssuerIdOf(values, "issuerId"),
                Key = values.Get<Address>("key"),
                Name = values.Get<string>("name"),
            },
            "IssuerKeyRotated" => new IssuerKeyRotated
            {
                Position = position,
                IssuerId = IssuerIdOf(values, "issuerId"),
                OldKey = values.Get<Address>("oldKey"),
                NewKey = values.Get<Address>("newKey"),
            },
            "IssuerRetired" => new IssuerRetired
            {
                Position = position,
                IssuerId = IssuerIdOf(values, "issuerId"),
                LastKey = values.Get<Address>("lastKey"),
            },
            "Anchored" => new RootAnchored
            {
                Position = position,
                Root = HashOf(values, "root"),
                IssuerId = IssuerIdOf(values, "issuerId"),
                Key = values.Get<Address>("key"),
                Size = (ulong)values.Get<BigInteger>("size"),
                AnchoredAt = UnixTime.FromSeconds(values.Get<BigInteger>("anchoredAt")),
            },
            "Revoked" => new NoticeRevoked
            {
                Position = position,
                IssuerId = IssuerIdOf(values, "issuerId"),
                Leaf = HashOf(values, "leaf"),
                Root = HashOf(values, "root"),
                Reason = ReasonOf(values.Get<BigInteger>("reason")),
                EffectiveAt = UnixTime.FromSeconds(values.Get<BigInteger>("effectiveAt")),
                RevokedAt = UnixTime.FromSeconds(values.Get<BigInteger>("revokedAt")),
            },
            "Superseded" => new NoticeSuperseded
            {
                Position = position,
                IssuerId = IssuerIdOf(values, "issuerId"),
                OldLeaf = HashOf(values, "oldLeaf"),
                NewLeaf = HashOf(values, "newLeaf"),
                OldRoot = HashOf(values, "oldRoot"),
                NewRoot = HashOf(values, "newRoot"),
                Reason = ReasonOf(values.Get<BigInteger>("reason")),
                EffectiveAt = UnixTime.FromSeconds(values.Get<BigInteger>("effectiveAt")),
                SupersededAt = UnixTime.FromSeconds(values.Get<BigInteger>("supersededAt")),
            },
            _ => throw new AbiException($"No typed event for {abiEvent.Signature}."),
        };
    }

    /// <summary>Decodes the registry's logs of a receipt, in log order; logs of other contracts are left out.</summary>
    /// <exception cref="AbiException">A log of the registry is malformed.</exception>
    public static IReadOnlyList<RegistryEvent> DecodeReceipt(TransactionReceipt receipt, Address registry)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return [.. receipt.Logs.Where(log => log.Address == registry).OrderBy(log => log.LogIndex).Select(Decode)];
    }

    internal static RevocationReason ReasonOf(BigInteger value) =>
        value >= 0 && value <= (int)RevocationReason.Other
            ? (RevocationReason)(byte)value
            : throw new AbiException($"Reason {value} is not one of the registry's reason codes.");

    internal static MerkleHash HashOf(AbiNamedValues values, string name) => new(values.Get<byte[]>(name));

    internal static IssuerId IssuerIdOf(AbiNamedValues values, string name) => new(values.Get<byte[]>(name));
}
