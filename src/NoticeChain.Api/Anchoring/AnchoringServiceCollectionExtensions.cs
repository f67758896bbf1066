using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Following;
using NoticeChain.Api.Hosting;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Chain.Following;
using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Api.Anchoring;

/// <summary>Registers the anchoring worker and the registry follower when a registry is configured.</summary>
internal static class AnchoringServiceCollectionExtensions
{
    public static IServiceCollection AddNoticeChainAnchoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChainOptions>().Bind(configuration.GetSection(ChainOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.Registry) || Address.TryParse(o.Registry.Trim(), out _),
                "Chain:Registry must be the registry's address (40 hex digits; mixed case must be a valid EIP-55 checksum).")
            .Validate(o => o.RpcUrl.Scheme == Uri.UriSchemeHttp || o.RpcUrl.Scheme == Uri.UriSchemeHttps, "Chain:RpcUrl must be an http(s) URL.")
            .Validate(o => o.PassInterval > TimeSpan.Zero && o.BatchWindow >= TimeSpan.Zero, "Chain:PassInterval must be positive and Chain:BatchWindow not negative.")
            .Validate(o => o.MaxBatchSize is >= 1 and <= 65_536, "Chain:MaxBatchSize must be between 1 and 65536.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1) && o.LeaseDuration > 2 * o.PassInterval,
                "Chain:LeaseDuration must be at least 1 s and more than two Chain:PassInterval.")
            .Validate(o => Enum.IsDefined(o.Fees), "Chain:Fees must be eip1559, legacy or free.")
            .ValidateOnStart();
        services.AddOptions<AuthorityKeysOptions>().Bind(configuration.GetSection(AuthorityKeysOptions.Section));

        if (string.IsNullOrWhiteSpace(configuration[$"{ChainOptions.Section}:Registry"]))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new AnchoringInstance(LeaseHolderId.NewRandom()));
        // Decision 0018: the node's chain id is checked at start, or before the workers' first request if the node is down.
        services.AddSingleton<ChainIdCheck>();
        services.AddTransient<ChainIdGuardHandler>();
        services.AddHttpClient(ChainIdStartCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHostedService<ChainIdStartCheck>();
        services.AddHttpClient(nameof(AnchoringWorker), client => client.Timeout = TimeSpan.FromSeconds(15))
            .AddHttpMessageHandler<ChainIdGuardHandler>();
        services.AddSingleton(provider =>
        {
            var keys = provider.GetRequiredService<IOptions<AuthorityKeysOptions>>().Value;
            var data = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            var folder = keys.Folder ?? Path.Combine(data.Folder, "keys", "authorities");
            return KeystoreAuthorityKeyring.Load(folder, ReadPassphrase(keys));
        });
        services.AddSingleton(provider =>
        {
            var chain = provider.GetRequiredService<IOptions<ChainOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AnchoringWorker));
            return new AnchorBatchProcessor(
                provider.GetRequiredService<IAnchoringStore>(),
                new EthRpcClient(http, chain.RpcUrl),
                provider.GetRequiredService<KeystoreAuthorityKeyring>(),
                new AnchoringOptions
                {
                    Registry = Address.Parse(chain.Registry!.Trim()),
                    BatchWindow = chain.BatchWindow,
                    MaxBatchSize = chain.MaxBatchSize,
                    LeaseDuration = chain.LeaseDuration,
                    Holder = provider.GetRequiredService<AnchoringInstance>().Holder,
                    Transactions = new TransactionSenderOptions { FeeMode = chain.Fees },
                },
                provider.GetRequiredService<TimeProvider>(),
                AnchoringEventLog.Observer(provider.GetRequiredService<ILogger<AnchoringWorker>>()));
        });
        services.AddHostedService<AnchoringWorker>();
        services.AddSingleton(provider =>
        {
            var chain = provider.GetRequiredService<IOptions<ChainOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AnchoringWorker));
            return new RegistryFollower(
                provider.GetRequiredService<IChainIndexStore>(),
                new EthRpcClient(http, chain.RpcUrl),
                new RegistryFollowerOptions { Registry = Address.Parse(chain.Registry!.Trim()), StartBlock = chain.StartBlock });
        });
        services.AddHostedService<FollowerWorker>();
        return services;
    }

    private static string? ReadPassphrase(AuthorityKeysOptions keys)
    {
        if (!string.IsNullOrWhiteSpace(keys.PassphraseFile))
        {
            return File.Exists(keys.PassphraseFile)
                ? File.ReadAllText(keys.PassphraseFile).TrimEnd('\r', '\n')
                : throw new InvalidOperationException($"Keys:PassphraseFile '{keys.PassphraseFile}' does not exist.");
        }

        return Environment.GetEnvironmentVariable(AuthorityKeysOptions.PassphraseVariable);
    }
}
