using NoticeChain.Core.Merkle;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>Orders roots by their bytes, so two sets of roots can be compared as sorted sequences.</summary>
public sealed class MerkleHashComparer : IComparer<MerkleHash>
{
    public static MerkleHashComparer Instance { get; } = new();

    public int Compare(MerkleHash x, MerkleHash y) => string.CompareOrdinal(x.ToString(), y.ToString());
}
