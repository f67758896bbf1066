using System.Numerics;

namespace NoticeChain.Chain.Transactions;

/// <summary>The network's base fee is above <see cref="TransactionSenderOptions.MaxFeePerGasCap"/>, so nothing was sent.</summary>
/// <remarks>Usually transient: the base fee falls again when blocks are less full. Retrying later is the right response.
/// In <see cref="FeeMode.Free"/> the cap is zero, so any base fee raises it: the network is not configured for free gas.</remarks>
public sealed class FeeCapExceededException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public FeeCapExceededException()
        : base("The base fee exceeds the fee cap.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FeeCapExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public FeeCapExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a base fee above the cap.</summary>
    public FeeCapExceededException(BigInteger baseFeePerGas, BigInteger maxFeePerGasCap)
        : base($"The next block's base fee of {baseFeePerGas} wei per gas exceeds the cap of {maxFeePerGasCap} wei per gas; nothing was sent.")
    {
        BaseFeePerGas = baseFeePerGas;
        MaxFeePerGasCap = maxFeePerGasCap;
    }

    /// <summary>Creates the exception for a base fee above the cap, with a message naming the cause.</summary>
    public FeeCapExceededException(BigInteger baseFeePerGas, BigInteger maxFeePerGasCap, string message)
        : base(message)
    {
        BaseFeePerGas = baseFeePerGas;
        MaxFeePerGasCap = maxFeePerGasCap;
    }

    /// <summary>The next block's base fee, in wei per gas.</summary>
    public BigInteger BaseFeePerGas { get; }

    /// <summary>The configured cap, in wei per gas.</summary>
    public BigInteger MaxFeePerGasCap { get; }
}
