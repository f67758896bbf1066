namespace NoticeChain.Api.Hosting;

/// <summary>Where the API keeps its files: the dev signing key today, the database and keystores later.</summary>
/// <remarks>
/// Bound from the <c>Data</c> section (<c>NOTICECHAIN__Data__Folder</c>); without it, <c>NOTICECHAIN_DATA</c> as the
/// scripts and the CLI use it, else <c>./data</c>, which .gitignore keeps out of the repository.
/// </remarks>
internal sealed class DataOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Data";

    /// <summary>The environment variable the scripts and the CLI share.</summary>
    public const string FolderVariable = "NOTICECHAIN_DATA";

    /// <summary>The data folder, relative to the working directory unless absolute.</summary>
    public string Folder { get; set; } = DefaultFolder();

    /// <summary><c>$NOTICECHAIN_DATA</c>, else <c>./data</c>.</summary>
    public static string DefaultFolder() =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : "data";
}
