using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.IntegrationTests.Chain.Events;

/// <summary>Hermetic checks of the log decoder on logs encoded with the registry's ABI, valid and malformed.</summary>
public sealed class RegistryEventDecoderTests
{
    private static readonly Address Registry = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly Address Key = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly byte[] Root = Bytes(0x11);
    private static readonly byte[] Leaf = Bytes(0x22);
    private static readonly byte[] Issuer = Bytes(0x33);

    [Fact]
    public void Anchored_log_decodes_into_RootAnchored_with_its_position()
    {
        var log = Log(NoticeRegistryAbi.Contract.GetEvent("Anchored").EncodeLog(Root, Issuer, Key, 4096UL, 1_750_000_000UL), logIndex: 3);

        var anchored = Assert.IsType<RootAnchored>(RegistryEventDecoder.Decode(log));

        Assert.Equal(new MerkleHash(Root), anchored.Root);
        Assert.Equal(new IssuerId(Issuer), anchored.IssuerId);
        Assert.Equal(Key, anchored.Key);
        Assert.Equal(4096UL, anchored.Size);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000), anchored.AnchoredAt);
        Assert.Equal(LogPosition.Of(log), anchored.Position);
    }

    [Fact]
    public void Revoked_log_decodes_reason_and_both_dates()
    {
        var log = Log(NoticeRegistryAbi.Contract.GetEvent("Revoked").EncodeLog(Issuer, Leaf, Root, (byte)3, 1_600_000_000UL, 1_750_000_000UL));

        var revoked = Assert.IsType<NoticeRevoked>(RegistryEventDecoder.Decode(log));

        Assert.Equal((new IssuerId(Issuer), new MerkleHash(Leaf), new MerkleHash(Root)), (revoked.IssuerId, revoked.Leaf, revoked.Root));
        Assert.Equal(RevocationReason.Nullity, revoked.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_600_000_000), revoked.EffectiveAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000), revoked.RevokedAt);
    }

    [Fact]
    public void Revoked_log_with_an_undefined_reason_code_is_rejected()
    {
        var log = Log(NoticeRegistryAbi.Contract.GetEvent("Revoked").EncodeLog(Issuer, Leaf, Root, (byte)5, 1UL, 1UL));

        Assert.Throws<AbiException>(() => RegistryEventDecoder.Decode(log));
    }

    [Fact]
    public void Log_of_an_event_the_registry_does_not_have_is_rejected()
    {
        var log = Log(AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)").EncodeLog(Key, Key, 1));

        Assert.Throws<AbiException>(() => RegistryEventDecoder.Decode(log));
    }

    [Fact]
    public void Log_without_topics_is_rejected()
    {
        Assert.Throws<AbiException>(() => RegistryEventDecoder.Decode(Log(new AbiLog([], new byte[32]))));
    }

    [Fact]
    public void Log_with_truncated_data_is_rejected()
    {
        var encoded = NoticeRegistryAbi.Contract.GetEvent("Anchored").EncodeLog(Root, Issuer, Key, 1UL, 1UL);

        Assert.Throws<AbiException>(() => RegistryEventDecoder.Decode(Log(new AbiLog(encoded.Topics, encoded.Data[..32]))));
    }

    [Fact]
    public void Receipt_decoding_keeps_the_registrys_logs_in_log_order_and_drops_other_contracts()
    {
        var retired = Log(NoticeRegistryAbi.Contract.GetEvent("IssuerRetired").EncodeLog(Issuer, Key), logIndex: 7);
        var registered = Log(NoticeRegistryAbi.Contract.GetEvent("IssuerRegistered").EncodeLog(Issuer, Key, "Standesamt"), logIndex: 5);
        var foreign = Log(AbiEvent.Parse("Ping()").EncodeLog(), logIndex: 6) with { Address = Key };
        var receipt = new TransactionReceipt
        {
            TransactionHash = retired.TransactionHash,
            TransactionIndex = 0,
            BlockHash = retired.BlockHash,
            BlockNumber = retired.BlockNumber,
            From = Key,
            To = Registry,
            Status = 1,
            GasUsed = 1,
            CumulativeGasUsed = 1,
            EffectiveGasPrice = 1,
            Logs = [retired, foreign, registered],
        };

        var events = RegistryEventDecoder.DecodeReceipt(receipt, Registry);

        Assert.Equal([typeof(IssuerRegistered), typeof(IssuerRetired)], events.Select(e => e.GetType()));
        Assert.Equal("Standesamt", ((IssuerRegistered)events[0]).Name);
    }

    [Fact]
    public void Event_topics_cover_every_event_of_the_abi()
    {
        Assert.Equal(
            NoticeRegistryAbi.Contract.Events.Select(e => new Hash32(e.Topic0)).Order(Comparer<Hash32>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))),
            RegistryEventDecoder.EventTopics.Order(Comparer<Hash32>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))));
    }

    [Fact]
    public void Log_positions_order_by_block_then_by_log_index()
    {
        var hash = new Hash32(Bytes(0x44));
        var early = new LogPosition(10, hash, hash, 5, 9);
        var later = new LogPosition(10, hash, hash, 0, 10);
        var next = new LogPosition(11, hash, hash, 0, 0);

        Assert.True(early < later && later < next && early <= later && next >= later && next > early);
        Assert.Equal([early, later, next], new[] { next, early, later }.Order());
    }

    private static byte[] Bytes(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    private static LogEntry Log(AbiLog encoded, ulong logIndex = 0) => new()
    {
        Address = Registry,
        Topics = [.. encoded.Topics.Select(t => new Hash32(t))],
        Data = encoded.Data,
        BlockNumber = 42,
        BlockHash = new Hash32(Bytes(0x55)),
        TransactionHash = new Hash32(Bytes(0x66)),
        TransactionIndex = 1,
        LogIndex = logIndex,
    };
}
