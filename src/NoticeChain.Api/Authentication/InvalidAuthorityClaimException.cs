namespace NoticeChain.Api.Authentication;

/// <summary>A validly signed token whose <c>authority</c> claim is malformed or repeated: authentication fails (401).</summary>
/// <remarks>
/// Rejected at authentication rather than at authorization, so that every authenticated caller has either no
/// authority or exactly one well-formed one, and no endpoint ever sees a half-bound token. The token is wrong,
/// not the caller's permissions, so the answer is 401 <c>invalid_token</c> (decision 0010).
/// </remarks>
internal sealed class InvalidAuthorityClaimException : Exception
{
    public InvalidAuthorityClaimException()
        : base("The token's 'authority' claim must appear once, as 0x followed by 64 hexadecimal digits (the registry's issuer id, not zero).")
    {
    }

    public InvalidAuthorityClaimException(string message)
        : base(message)
    {
    }

    public InvalidAuthorityClaimException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
