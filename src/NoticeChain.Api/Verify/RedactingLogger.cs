using System.Collections;

namespace NoticeChain.Api.Verify;

/// <summary>A logger that passes on log calls with public verify paths redacted (<see cref="RedactingLoggerFactory"/>).</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        Mentions(state, state.ToString()) ? inner.BeginScope(new RedactedState(state, state.ToString())) : inner.BeginScope(state);

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (!Mentions(state, message))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, new RedactedState(state, message), exception, static (s, _) => s.ToString());
    }

    private static bool Mentions<TState>(TState state, string? text) =>
        VerifyPathRedactor.Applies(text)
        || (state is IEnumerable<KeyValuePair<string, object?>> values && values.Any(v => VerifyPathRedactor.Applies(v.Value?.ToString())));

    /// <summary>A log state or scope with its text and values redacted. A value under a query-string key is dropped
    /// whole, because its path (in another value) is what made it sensitive.</summary>
    private sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values;
        private readonly string _text;

        public RedactedState(object? state, string? text)
        {
            _text = VerifyPathRedactor.Redact(text ?? string.Empty);
            _values = state is IEnumerable<KeyValuePair<string, object?>> values
                ? [.. values.Select(Redact)]
                : [];
        }

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text;

        private static KeyValuePair<string, object?> Redact(KeyValuePair<string, object?> value)
        {
            if (value.Key == "{OriginalFormat}")
            {
                return value;
            }

            if (value.Key.Contains("Query", StringComparison.OrdinalIgnoreCase))
            {
                return new(value.Key, string.IsNullOrEmpty(value.Value?.ToString()) ? value.Value : "?[redacted]");
            }

            return value.Value?.ToString() is { } text && VerifyPathRedactor.Applies(text)
                ? new(value.Key, VerifyPathRedactor.Redact(text))
                : value;
        }
    }
}
