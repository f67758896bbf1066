namespace NoticeChain.Api.Notices;

/// <summary>The upload is larger than <see cref="NoticesOptions.MaxUploadBytes"/>.</summary>
internal sealed class UploadTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UploadTooLargeException()
        : base("The upload exceeds the configured limit.")
    {
    }
}
