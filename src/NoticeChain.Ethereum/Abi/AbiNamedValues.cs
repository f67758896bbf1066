namespace NoticeChain.Ethereum.Abi;

/// <summary>Decoded values together with the parameters they belong to, readable by position or by name.</summary>
/// <remarks>
/// Reading by name keeps callers correct when a contract inserts a parameter; reading by position is still there
/// for unnamed parameters. <see cref="Get{T}(string)"/> states the expected representation at the call site.
/// </remarks>
public sealed class AbiNamedValues
{
    private readonly object?[] _values;

    internal AbiNamedValues(IReadOnlyList<AbiParameter> parameters, object?[] values)
    {
        Parameters = parameters;
        _values = values;
    }

    /// <summary>The parameters, in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Parameters { get; }

    /// <summary>The values, in declaration order.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>The number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The value at a position.</summary>
    public object? this[int index] => _values[index];

    /// <summary>The value of the first parameter with this name.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has this name.</exception>
    public object? this[string name] => TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"No parameter named '{name}'.");

    /// <summary>Looks a value up by parameter name.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (name.Length != 0 && string.Equals(Parameters[i].Name, name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The value of the named parameter as <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has this name.</exception>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string name) => (T)this[name]!;

    /// <summary>The value at a position as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(int index) => (T)_values[index]!;
}
