using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;
using NoticeChain.Storage.Postgres;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.Storage;

/// <summary>The store a host's settings choose, SQLite or PostgreSQL, behind all of Core's store ports.</summary>
/// <remarks>
/// A host opens one with <see cref="OpenAsync"/> and registers it for every port, without knowing which database is
/// behind it. Every call goes straight to the chosen store; this class adds no behaviour of its own.
/// </remarks>
public sealed class ConfiguredNoticeStore : INoticeStore, IAnchoringStore, IChainIndexStore, INoticeLookup, IAsyncDisposable
{
    private readonly INoticeStore _notices;
    private readonly IAnchoringStore _anchoring;
    private readonly IChainIndexStore _chain;
    private readonly INoticeLookup _lookup;
    private readonly IAsyncDisposable _owner;

    private ConfiguredNoticeStore(
        NoticeStoreProvider provider,
        INoticeStore notices,
        IAnchoringStore anchoring,
        IChainIndexStore chain,
        INoticeLookup lookup,
        IAsyncDisposable owner)
    {
        Provider = provider;
        _notices = notices;
        _anchoring = anchoring;
        _chain = chain;
        _lookup = lookup;
        _owner = owner;
    }

    /// <summary>The database behind the store.</summary>
    public NoticeStoreProvider Provider { get; }

    /// <summary>Opens the store the settings name, applying its schema migrations.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The settings are incomplete or unusable (the message never quotes a connection string).</exception>
    /// <exception cref="IncompatibleSchemaException">The database was written by a newer version of NoticeChain.</exception>
    public static async Task<ConfiguredNoticeStore> OpenAsync(
        NoticeStoreSettings settings,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!settings.TryValidate(out var error))
        {
            throw new ArgumentException($"The store settings are not usable: {error}.", nameof(settings));
        }

        if (settings.Provider == NoticeStoreProvider.Postgres)
        {
            var postgres = await PostgresNoticeStore.OpenAsync(
                new PostgresNoticeStoreOptions { ConnectionString = settings.PostgresConnectionString! }, timeProvider, cancellationToken).ConfigureAwait(false);
            return new ConfiguredNoticeStore(NoticeStoreProvider.Postgres, postgres, postgres, postgres, postgres, postgres);
        }

        var sqlite = await SqliteNoticeStore.OpenAsync(settings.SqlitePath!, timeProvider, cancellationToken).ConfigureAwait(false);
        return new ConfiguredNoticeStore(NoticeStoreProvider.Sqlite, sqlite, sqlite, sqlite, sqlite, sqlite);
    }

    /// <summary>Closes the chosen store.</summary>
    public ValueTask DisposeAsync() => _owner.DisposeAsync();

    /// <inheritdoc />
    public Task<AcceptResult> AcceptAsync(AuthorityId authority, NewNotice notice, IdempotencyKey? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _notices.AcceptAsync(authority, notice, idempotencyKey, cancellationToken);

    /// <inheritdoc />
    public Task<AcceptResult> AcceptManyAsync(
        AuthorityId authority,
        IReadOnlyList<NewNotice> notices,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        _notices.AcceptManyAsync(authority, notices, idempotencyKey, cancellationToken);

    /// <inheritdoc />
    public Task<Notice?> GetAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default) =>
        _notices.GetAsync(authority, id, cancellationToken);

    /// <inheritdoc />
    public Task<Receipt?> GetReceiptAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default) =>
        _notices.GetReceiptAsync(authority, id, cancellationToken);

    /// <inheritdoc />
    public Task<RevocationRequestResult> RequestRevocationAsync(
        AuthorityId authority,
        NoticeId id,
        RevocationReason reason,
        DateTimeOffset effectiveAt,
        CancellationToken cancellationToken = default) =>
        _notices.RequestRevocationAsync(authority, id, reason, effectiveAt, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingBacklog>> ListPendingBacklogsAsync(CancellationToken cancellationToken = default) =>
        _anchoring.ListPendingBacklogsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingNoticeCount>> CountPendingNoticesAsync(CancellationToken cancellationToken = default) =>
        _anchoring.CountPendingNoticesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AnchorAction?> CreateBatchAsync(AuthorityId authority, int maxSize, CancellationToken cancellationToken = default) =>
        _anchoring.CreateBatchAsync(authority, maxSize, cancellationToken);

    /// <inheritdoc />
    public Task<ChainAction?> GetActionAsync(ChainActionId action, CancellationToken cancellationToken = default) =>
        _anchoring.GetActionAsync(action, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ChainAction>> ListReadyActionsAsync(AuthorityId? authority, int limit, CancellationToken cancellationToken = default) =>
        _anchoring.ListReadyActionsAsync(authority, limit, cancellationToken);

    /// <inheritdoc />
    public Task<TransactionRecordResult> RecordTransactionAsync(ChainActionId action, OutgoingTransaction transaction, CancellationToken cancellationToken = default) =>
        _anchoring.RecordTransactionAsync(action, transaction, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InFlightTransaction>> ListInFlightAsync(CancellationToken cancellationToken = default) =>
        _anchoring.ListInFlightAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TransactionReplaceOutcome> ReplaceTransactionAsync(
        ChainActionId action,
        ChainHash current,
        OutgoingTransaction replacement,
        CancellationToken cancellationToken = default) =>
        _anchoring.ReplaceTransactionAsync(action, current, replacement, cancellationToken);

    /// <inheritdoc />
    public Task<ConfirmationOutcome> MarkMinedAsync(ChainActionId action, MinedTransaction mined, CancellationToken cancellationToken = default) =>
        _anchoring.MarkMinedAsync(action, mined, cancellationToken);

    /// <inheritdoc />
    public Task<ConfirmationOutcome> MarkRevertedAsync(ChainActionId action, MinedTransaction mined, CancellationToken cancellationToken = default) =>
        _anchoring.MarkRevertedAsync(action, mined, cancellationToken);

    /// <inheritdoc />
    public Task<bool> AbandonTransactionAsync(ChainActionId action, ChainHash current, CancellationToken cancellationToken = default) =>
        _anchoring.AbandonTransactionAsync(action, current, cancellationToken);

    /// <inheritdoc />
    public Task<bool> UnmineAsync(ChainActionId action, CancellationToken cancellationToken = default) =>
        _anchoring.UnmineAsync(action, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MinedAction>> ListMinedAsync(ulong fromBlockNumber, CancellationToken cancellationToken = default) =>
        _anchoring.ListMinedAsync(fromBlockNumber, cancellationToken);

    /// <inheritdoc />
    public Task<ulong> GetNextNonceAsync(ChainAddress sender, CancellationToken cancellationToken = default) =>
        _anchoring.GetNextNonceAsync(sender, cancellationToken);

    /// <inheritdoc />
    public Task<ulong> RaiseNextNonceAsync(ChainAddress sender, ulong atLeast, CancellationToken cancellationToken = default) =>
        _anchoring.RaiseNextNonceAsync(sender, atLeast, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnchoringLease>> AcquireLeasesAsync(
        LeaseHolderId holder,
        IReadOnlyCollection<AuthorityId> authorities,
        TimeSpan duration,
        CancellationToken cancellationToken = default) =>
        _anchoring.AcquireLeasesAsync(holder, authorities, duration, cancellationToken);

    /// <inheritdoc />
    public Task<int> ReleaseLeasesAsync(LeaseHolderId holder, CancellationToken cancellationToken = default) =>
        _anchoring.ReleaseLeasesAsync(holder, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnchoringLease>> ListLeasesAsync(CancellationToken cancellationToken = default) =>
        _anchoring.ListLeasesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ChainCursor?> GetCursorAsync(CancellationToken cancellationToken = default) => _chain.GetCursorAsync(cancellationToken);

    /// <inheritdoc />
    public Task ApplyAsync(ChainFacts facts, ChainCursor cursor, CancellationToken cancellationToken = default) =>
        _chain.ApplyAsync(facts, cursor, cancellationToken);

    /// <inheritdoc />
    public Task RewindAsync(ChainCursor cursor, CancellationToken cancellationToken = default) => _chain.RewindAsync(cursor, cancellationToken);

    /// <inheritdoc />
    public Task<AnchorFact?> GetAnchorAsync(MerkleHash root, CancellationToken cancellationToken = default) =>
        _chain.GetAnchorAsync(root, cancellationToken);

    /// <inheritdoc />
    public Task<RevocationFact?> GetRevocationAsync(AuthorityId authority, MerkleHash leaf, CancellationToken cancellationToken = default) =>
        _chain.GetRevocationAsync(authority, leaf, cancellationToken);

    /// <inheritdoc />
    public Task<SupersessionFact?> GetSupersessionAsync(AuthorityId authority, MerkleHash oldLeaf, CancellationToken cancellationToken = default) =>
        _chain.GetSupersessionAsync(authority, oldLeaf, cancellationToken);

    /// <inheritdoc />
    public Task<AuthorityRecord?> GetAuthorityAsync(AuthorityId authority, CancellationToken cancellationToken = default) =>
        _chain.GetAuthorityAsync(authority, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegisteredNotice>> FindByDigestAsync(Digest digest, CancellationToken cancellationToken = default) =>
        _lookup.FindByDigestAsync(digest, cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredNotice?> FindByIdAsync(NoticeId id, CancellationToken cancellationToken = default) =>
        _lookup.FindByIdAsync(id, cancellationToken);
}
