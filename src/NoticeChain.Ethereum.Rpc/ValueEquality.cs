namespace NoticeChain.Ethereum.Rpc;

/// <summary>Element-wise equality and hashing for the collections inside the RPC model records.</summary>
/// <remarks>
/// A record's generated equality compares list and memory members by reference, so two logs read from two
/// answers would never be equal; the records override equality with these helpers instead.
/// </remarks>
internal static class ValueEquality
{
    public static bool Sequence<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Nested<T>(IReadOnlyList<IReadOnlyList<T>> left, IReadOnlyList<IReadOnlyList<T>> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!Sequence(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Bytes(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right) => left.Span.SequenceEqual(right.Span);

    public static void AddSequence<T>(ref HashCode hash, IReadOnlyList<T>? values)
    {
        if (values is null)
        {
            hash.Add(-1);
            return;
        }

        hash.Add(values.Count);
        foreach (var value in values)
        {
            hash.Add(value);
        }
    }
}
