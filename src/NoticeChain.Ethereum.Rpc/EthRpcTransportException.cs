using System.Net;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>No usable JSON-RPC answer arrived: the connection failed, the HTTP status was not 2xx, or the
/// body was not a well-formed response to the request that was sent.</summary>
/// <remarks>
/// A response that parses as JSON but breaks the protocol (wrong <c>jsonrpc</c> version, an id that does
/// not match the request, both or neither of <c>result</c> and <c>error</c>, a malformed QUANTITY in a
/// result) is reported here too: the client cannot trust it, and for the caller it is the same situation as
/// a broken connection — try again later or try another node.
/// </remarks>
public sealed class EthRpcTransportException : EthRpcClientException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public EthRpcTransportException()
        : base("The JSON-RPC transport failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public EthRpcTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public EthRpcTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a call of <paramref name="method"/>.</summary>
    public EthRpcTransportException(string message, string? method, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, method, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code when a response arrived, otherwise null.</summary>
    public HttpStatusCode? StatusCode { get; }
}
