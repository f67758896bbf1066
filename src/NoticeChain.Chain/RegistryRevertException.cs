using System.Globalization;
using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Chain;

/// <summary>The registry refused a call or transaction; <see cref="ErrorName"/> and <see cref="Arguments"/> say why.</summary>
/// <remarks>
/// <para>
/// The contract reverts with custom errors only (<c>NotGovernance(address caller)</c>, <c>InvalidProof(bytes32 leaf,
/// bytes32 root, uint64 index)</c>, …), never with strings; this exception carries the decoded error so callers
/// and tests can act on the exact reason rather than on a node's message text, which differs between nodes.
/// </para>
/// <para>
/// Raised when a gas estimate or call reverts, and when a mined transaction failed and replaying it against the
/// state of its block reverts (the transaction raced another, e.g. two anchors of one root). <see cref="Error"/> is
/// null when the revert carried no data or an unknown selector, e.g. an out-of-range enum rejected by the ABI decoder.
/// </para>
/// </remarks>
public sealed class RegistryRevertException : Exception
{
    /// <summary>Creates the exception with a generic message and no error.</summary>
    public RegistryRevertException()
        : base("The registry reverted.")
    {
    }

    /// <summary>Creates the exception with a message and no error.</summary>
    public RegistryRevertException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message, no error and a cause.</summary>
    public RegistryRevertException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private RegistryRevertException(AbiError? error, AbiNamedValues? arguments, ReadOnlyMemory<byte> revertData, Exception? innerException)
        : base(Describe(error, arguments, revertData), innerException)
    {
        Error = error;
        Arguments = arguments;
        RevertData = revertData;
    }

    /// <summary>The custom error, or <see cref="AbiError.Panic"/> / <see cref="AbiError.RevertReason"/>; null when the data named none.</summary>
    public AbiError? Error { get; }

    /// <summary>The error's name, e.g. <c>NotRootIssuer</c>; null when the data named none.</summary>
    public string? ErrorName => Error?.Name;

    /// <summary>The error's decoded arguments by name; null when the data named no error.</summary>
    public AbiNamedValues? Arguments { get; }

    /// <summary>The raw revert data: 4-byte selector and ABI-encoded arguments, or empty.</summary>
    public ReadOnlyMemory<byte> RevertData { get; }

    /// <summary>One argument of the error, e.g. <c>GetArgument&lt;Address&gt;("caller")</c>.</summary>
    /// <remarks><c>uintN</c> arguments are <see cref="BigInteger"/>, <c>bytes32</c> are <c>byte[]</c>, as the ABI decoder returns them.</remarks>
    /// <exception cref="InvalidOperationException">The revert named no error.</exception>
    /// <exception cref="KeyNotFoundException">The error has no argument of that name.</exception>
    public T GetArgument<T>(string name) =>
        (Arguments ?? throw new InvalidOperationException("The revert carried no decodable error.")).Get<T>(name);

    /// <summary>Decodes revert data with the registry's ABI.</summary>
    /// <param name="revertData">The revert data, possibly empty.</param>
    /// <param name="innerException">What reported the revert (the RPC error or the failed transaction).</param>
    public static RegistryRevertException FromRevertData(ReadOnlyMemory<byte> revertData, Exception? innerException)
    {
        var error = NoticeRegistryAbi.Contract.FindError(revertData.Span);
        if (error is null)
        {
            return new RegistryRevertException(null, null, revertData, innerException);
        }

        try
        {
            return new RegistryRevertException(error, error.Decode(revertData.Span), revertData, innerException);
        }
        catch (AbiException)
        {
            // A matching selector with malformed arguments: report the raw data rather than a half-decoded error.
            return new RegistryRevertException(null, null, revertData, innerException);
        }
    }

    private static string Describe(AbiError? error, AbiNamedValues? arguments, ReadOnlyMemory<byte> revertData)
    {
        if (error is null || arguments is null)
        {
            return revertData.IsEmpty
                ? "The registry reverted without an error."
                : $"The registry reverted with unknown data {Hex.Encode(revertData.Span)}.";
        }

        var parts = arguments.Parameters.Select((parameter, i) => $"{parameter.Name}={Format(arguments[i])}");
        return $"The registry reverted with {error.Name}({string.Join(", ", parts)}).";
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => Hex.Encode(bytes),
        Address address => address.ToString(),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
