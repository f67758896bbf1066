using System.Runtime.CompilerServices;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Events;

/// <summary>Reads the registry's events from a block range with <c>eth_getLogs</c>, a fixed number of blocks per request.</summary>
/// <remarks>
/// <para>
/// Nodes cap what one <c>eth_getLogs</c> may cover (Besu and hosted nodes by block range or result count), so a
/// long range is read in pages of <see cref="BlocksPerPage"/> blocks. Each page is decoded into typed events and
/// ordered by block and log index, and pages come in block order, so the whole sequence is the chain's order.
/// </para>
/// <para>
/// The reader reads what the node has; choosing a <c>toBlock</c> deep enough below the head that a reorganisation
/// cannot remove it (or the <c>finalized</c> block on Besu QBFT, which has immediate finality) is the caller's policy.
/// A log that is not a registry event fails the read with an <see cref="AbiException"/>, see <see cref="RegistryEventDecoder"/>.
/// </para>
/// </remarks>
public sealed class RegistryEventReader
{
    /// <summary>The default page size: 2,000 blocks, within the limits of common nodes.</summary>
    public const ulong DefaultBlocksPerPage = 2_000;

    /// <summary>Creates a reader for the registry at <paramref name="registry"/>.</summary>
    /// <param name="rpc">The node to read from.</param>
    /// <param name="registry">The registry's address.</param>
    /// <param name="blocksPerPage">Blocks per <c>eth_getLogs</c> request; at least 1.</param>
    public RegistryEventReader(EthRpcClient rpc, Address registry, ulong blocksPerPage = DefaultBlocksPerPage)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentOutOfRangeException.ThrowIfZero(blocksPerPage);
        Rpc = rpc;
        Registry = registry;
        BlocksPerPage = blocksPerPage;
    }

    /// <summary>The node the reader reads from.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The registry's address.</summary>
    public Address Registry { get; }

    /// <summary>Blocks per <c>eth_getLogs</c> request.</summary>
    public ulong BlocksPerPage { get; }

    /// <summary>Reads <paramref name="fromBlock"/> to <paramref name="toBlock"/> (inclusive) page by page.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toBlock"/> is before <paramref name="fromBlock"/>.</exception>
    public async IAsyncEnumerable<RegistryEventPage> ReadPagesAsync(
        ulong fromBlock, ulong toBlock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toBlock, fromBlock);
        var start = fromBlock;
        while (true)
        {
            var end = toBlock - start < BlocksPerPage ? toBlock : start + BlocksPerPage - 1;
            yield return await ReadPageAsync(start, end, cancellationToken).ConfigureAwait(false);
            if (end == toBlock)
            {
                yield break;
            }

            start = end + 1;
        }
    }

    /// <summary>Reads <paramref name="fromBlock"/> to <paramref name="toBlock"/> (inclusive) and returns all events in chain order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toBlock"/> is before <paramref name="fromBlock"/>.</exception>
    public async Task<IReadOnlyList<RegistryEvent>> ReadAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default)
    {
        var events = new List<RegistryEvent>();
        await foreach (var page in ReadPagesAsync(fromBlock, toBlock, cancellationToken).ConfigureAwait(false))
        {
            events.AddRange(page.Events);
        }

        return events;
    }

    private async Task<RegistryEventPage> ReadPageAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken)
    {
        var filter = new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(fromBlock),
            ToBlock = BlockParameter.FromNumber(toBlock),
            Addresses = [Registry],
            Topics = [RegistryEventDecoder.EventTopics],
        };
        var logs = await Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        var events = logs
            .Where(log => !log.Removed)
            .Select(log => log.Address == Registry && log.BlockNumber >= fromBlock && log.BlockNumber <= toBlock
                ? RegistryEventDecoder.Decode(log)
                : throw new AbiException($"The node answered a log of {log.Address} in block {log.BlockNumber} outside the filter."))
            .OrderBy(e => e.Position)
            .ToList();
        return new RegistryEventPage(fromBlock, toBlock, events);
    }
}
