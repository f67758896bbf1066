namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>The first and the last lines a child process wrote, kept for failure messages.</summary>
/// <remarks>
/// Bounded, because Anvil logs every RPC method it serves and a long test run would otherwise grow it without
/// end. The head keeps the start-up banner (hardfork, chain id, listening address) however long the run; the
/// tail keeps what happened just before a failure.
/// </remarks>
public sealed class BoundedOutput
{
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private readonly int _headCapacity;
    private readonly int _tailCapacity;
    private readonly Lock _gate = new();
    private long _dropped;

    /// <summary>Creates a buffer keeping the first <paramref name="headLines"/> and the last <paramref name="tailLines"/> lines.</summary>
    public BoundedOutput(int headLines, int tailLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headLines);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tailLines);
        _headCapacity = headLines;
        _tailCapacity = tailLines;
    }

    /// <summary>Adds a line. <see langword="null"/> (end of stream) is ignored.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_head.Count < _headCapacity)
            {
                _head.Add(line);
                return;
            }

            if (_tail.Count == _tailCapacity)
            {
                _tail.Dequeue();
                _dropped++;
            }

            _tail.Enqueue(line);
        }
    }

    /// <summary>The kept lines, oldest first, with a marker where lines were dropped.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var lines = new List<string>(_head);
            if (_dropped > 0)
            {
                lines.Add($"[... {_dropped} lines dropped ...]");
            }

            lines.AddRange(_tail);
            return string.Join(Environment.NewLine, lines);
        }
    }
}
