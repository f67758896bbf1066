using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

/// <summary>Random item trees for the property tests, and a structural comparison of two trees.</summary>
internal static class RlpTrees
{
    /// <summary>Seeds for the property tests: fixed, so a failure names the tree that broke.</summary>
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>
    /// A random tree whose strings cluster around the encoding's boundaries (0, 1, 55, 56, 255, 256
    /// bytes, single bytes either side of 0x80) so every header form is exercised.
    /// </summary>
    public static RlpItem Random(Random random, int maxDepth = 5)
    {
        if (maxDepth == 0 || random.Next(3) != 0)
        {
            return RandomString(random);
        }

        int count = maxDepth <= 2 && random.Next(4) == 0 ? random.Next(20, 70) : random.Next(0, 5);
        var items = new RlpItem[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = Random(random, maxDepth - 1);
        }

        return RlpItem.List(items);
    }

    public static void AssertSame(RlpItem expected, RlpItem actual)
    {
        Assert.Equal(expected.IsList, actual.IsList);
        if (!expected.IsList)
        {
            Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
            return;
        }

        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (int i = 0; i < expected.Items.Count; i++)
        {
            AssertSame(expected.Items[i], actual.Items[i]);
        }
    }

    private static RlpItem RandomString(Random random)
    {
        int[] boundaryLengths = [0, 1, 1, 1, 2, 55, 56, 57, 255, 256, 1024];
        int length = random.Next(4) == 0 ? random.Next(0, 300) : boundaryLengths[random.Next(boundaryLengths.Length)];
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length == 1 && random.Next(2) == 0)
        {
            bytes[0] = (byte)random.Next(0x7e, 0x82);
        }

        return RlpItem.FromBytes(bytes);
    }
}
