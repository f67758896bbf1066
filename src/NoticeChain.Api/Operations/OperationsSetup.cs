using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;
using NoticeChain.Api.Notices;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Operations;

/// <summary>Registers and maps what operators use: <c>/health/ready</c>, <c>/metrics</c>, the settings validated at start
/// that no feature validates itself, the shutdown timeout and the stop report (docs/operations.md).</summary>
internal static class OperationsSetup
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the operations services. Call after <c>AddNotices</c> (it decorates the notice store) and
    /// before the chain workers (its hosted service must stop after them).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section))
            .Validate(o => o.MaxFollowerLagBlocks >= 1, "Health:MaxFollowerLagBlocks must be at least 1.")
            .Validate(o => o.ChainTimeout > TimeSpan.Zero && o.ChainTimeout <= TimeSpan.FromMinutes(1), "Health:ChainTimeout must be positive and at most 00:01:00.")
            .ValidateOnStart();
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateOnStart();
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section))
            .Validate(o => o.Timeout >= TimeSpan.FromSeconds(1) && o.Timeout <= TimeSpan.FromMinutes(10), "Shutdown:Timeout must be between 00:00:01 and 00:10:00.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        AddStartValidation(services, configuration);

        services.AddSingleton<NoticeMetrics>();
        services.AddSingleton<PendingNotices>();
        services.AddSingleton<AnchoredNoticesTracker>();
        services.AddSingleton<ChainHeadProbe>();
        services.AddSingleton<VerifyMetricsFilter>();
        services.AddHttpClient(ChainHeadProbe.HttpClientName);
        services.AddHostedService<OperationsLifecycle>();
        Decorate<INoticeStore>(services, (provider, inner) => new MeteredNoticeStore(inner, provider.GetRequiredService<NoticeMetrics>()));

        var checks = services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(configuration[$"{ChainOptions.Section}:Registry"]))
        {
            checks.AddCheck<ChainReadinessCheck>("chain", tags: [ReadyTag]);
            checks.AddCheck<FollowerReadinessCheck>("follower", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>Maps <c>/health/ready</c> and, unless <c>Metrics:Enabled</c> is false, <c>/metrics</c>; both anonymous and
    /// never cached, and neither in the OpenAPI document.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        }).AllowAnonymous();
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.MapGet(MetricsEndpoint.Path, MetricsEndpoint.GetAsync).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>The settings that features check only when they first use them, checked at start instead.</summary>
    private static void AddStartValidation(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Configure(options =>
            {
                var read = StoreOptions.Read(configuration);
                options.Provider = read.Provider;
                options.ConnectionString = read.ConnectionString;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddOptions<AuthorityKeysOptions>()
            .Validate(
                options => string.IsNullOrWhiteSpace(options.PassphraseFile) || File.Exists(options.PassphraseFile),
                $"Keys:PassphraseFile names a file that does not exist (or {AuthorityKeysOptions.PassphraseVariable} may hold the passphrase instead).")
            .ValidateOnStart();
    }

    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered (by a factory) before it is decorated.");
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            provider => decorate(provider, (TService)original.ImplementationFactory!(provider)),
            original.Lifetime));
    }
}
