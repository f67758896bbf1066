using Microsoft.Extensions.Options;
using NoticeChain.Api.Hosting;
using NoticeChain.Storage;

namespace NoticeChain.Api.Notices;

/// <summary>Opens the store the <c>Store</c> settings choose (<see cref="StoreOptions"/>) when the host starts and closes
/// it when it stops: SQLite in <c>&lt;data folder&gt;/noticechain.db</c> by default, or PostgreSQL.</summary>
/// <remarks>
/// A hosted service starts before Kestrel accepts requests, so no request ever sees an unopened store, and a
/// database that cannot be opened (a newer schema, an unwritable folder, unusable store settings) stops the API at
/// start instead of failing the first request.
/// </remarks>
internal sealed class NoticeStoreHost(IOptions<DataOptions> data, IConfiguration configuration, TimeProvider timeProvider) : IHostedService
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string DatabaseFileName = "noticechain.db";

    private ConfiguredNoticeStore? _store;

    /// <summary>The open store.</summary>
    /// <exception cref="InvalidOperationException">The host has not started.</exception>
    public ConfiguredNoticeStore Store => _store ?? throw new InvalidOperationException("The notice store is opened when the host starts.");

    /// <inheritdoc/>
    /// <exception cref="OptionsValidationException">The <c>Store</c> settings are unusable; the message names the setting.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = data.Value.Folder;
        var failures = StoreOptions.Read(configuration).TryBuild(Path.Combine(folder, DatabaseFileName), out var settings);
        if (settings is null)
        {
            throw new OptionsValidationException(StoreOptions.Section, typeof(StoreOptions), failures);
        }

        Directory.CreateDirectory(folder);
        _store = await ConfiguredNoticeStore.OpenAsync(settings, timeProvider, cancellationToken).ConfigureAwait(false);
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
