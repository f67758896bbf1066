namespace NoticeChain.Api.Notices;

/// <summary>The fixed size limits of the notice endpoints' JSON bodies.</summary>
/// <remarks>
/// A single notice or revocation is well under 1 KiB even with a 128-character reference written as
/// <c>\uXXXX</c> escapes, so 64 KiB never refuses a valid body. A batch of 10,000 notices with maximal references
/// (128 four-byte characters each) is about 6 MB, hence 8 MiB. Bodies are read into memory before parsing so the
/// <c>Idempotency-Key</c> fingerprint can be computed over the exact bytes; the limits bound that memory.
/// </remarks>
internal static class NoticeRequestLimits
{
    /// <summary>The largest body of <c>POST /api/v1/notices</c> (JSON) and of a revocation request.</summary>
    public const int MaxSingleJsonBytes = 64 * 1024;

    /// <summary>The largest body of <c>POST /api/v1/notices/batch</c>.</summary>
    public const int MaxBatchJsonBytes = 8 * 1024 * 1024;

    /// <summary>The largest value of a multipart form field other than the file (the reference).</summary>
    public const int MaxFormFieldBytes = 4 * 1024;

    /// <summary>How many field errors one answer lists at most; a batch of 10,000 bad entries would otherwise answer megabytes.</summary>
    public const int MaxReportedErrors = 100;
}
