using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.IntegrationTests.Chain;

namespace NoticeChain.IntegrationTests.Following;

/// <summary>Everything a store's chain index says about a <see cref="RegistryHistory"/>, as text lines, so two
/// indexes compare with one <c>Assert.Equal</c> and a difference shows which fact differs.</summary>
public static class IndexSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IChainIndexStore store, RegistryHistory history)
    {
        var active = FollowingTestBed.AuthorityOf(history.Active);
        var lines = new List<string> { $"cursor {await store.GetCursorAsync()}" };
        foreach (var root in (MerkleHash[])[history.First.Root, history.Second.Root])
        {
            lines.Add($"anchor {await store.GetAnchorAsync(root)}");
        }

        foreach (var leaf in history.First.Leaves.Concat(history.Second.Leaves))
        {
            lines.Add($"revocation {await store.GetRevocationAsync(active, leaf)}");
            lines.Add($"supersession {await store.GetSupersessionAsync(active, leaf)}");
        }

        foreach (var authority in (Authority[])[history.Active, history.Retired])
        {
            var record = await store.GetAuthorityAsync(FollowingTestBed.AuthorityOf(authority));
            lines.Add(record is null
                ? "authority none"
                : $"authority {record with { Keys = [] }} keys {string.Join(", ", record.Keys)}");
        }

        return lines;
    }
}
