using Microsoft.Extensions.Options;
using NoticeChain.Api.Hosting;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.Api.Notices;

/// <summary>Opens the SQLite store <c>&lt;data folder&gt;/noticechain.db</c> when the host starts and closes it when it stops.</summary>
/// <remarks>
/// A hosted service starts before Kestrel accepts requests, so no request ever sees an unopened store, and a
/// database that cannot be opened (a newer schema, an unwritable folder) stops the API at start instead of
/// failing the first request.
/// </remarks>
internal sealed class NoticeStoreHost(IOptions<DataOptions> data, TimeProvider timeProvider) : IHostedService
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string DatabaseFileName = "noticechain.db";

    private SqliteNoticeStore? _store;

    /// <summary>The open store.</summary>
    /// <exception cref="InvalidOperationException">The host has not started.</exception>
    public SqliteNoticeStore Store => _store ?? throw new InvalidOperationException("The notice store is opened when the host starts.");

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = data.Value.Folder;
        Directory.CreateDirectory(folder);
        _store = await SqliteNoticeStore.OpenAsync(Path.Combine(folder, DatabaseFileName), timeProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
