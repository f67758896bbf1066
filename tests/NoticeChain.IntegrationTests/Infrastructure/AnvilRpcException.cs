namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>A JSON-RPC error answer of the test node to <see cref="AnvilNode.SendAsync"/>.</summary>
public sealed class AnvilRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnvilRpcException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AnvilRpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AnvilRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error object of a JSON-RPC answer.</summary>
    public AnvilRpcException(string method, long code, string rpcMessage)
        : base($"{method} failed with JSON-RPC error {code}: {rpcMessage}")
    {
        Code = code;
        RpcMessage = rpcMessage;
    }

    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; }

    /// <summary>The node's error message.</summary>
    public string RpcMessage { get; } = string.Empty;
}
