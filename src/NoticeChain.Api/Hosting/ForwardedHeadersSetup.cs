using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NoticeChain.Api.Hosting;

/// <summary>Believes forwarded client addresses only from the configured proxies (<see cref="ProxyOptions"/>).</summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>Binds and validates <c>Proxy</c>, and configures the forwarded-headers middleware from it.</summary>
    public static IServiceCollection AddNoticeChainForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.Section))
            .Validate(
                options => options.TrustedProxies.All(entry => string.IsNullOrWhiteSpace(entry) || ProxyOptions.TryParse(entry, out _)),
                "NOTICECHAIN__Proxy__TrustedProxies: every entry must be an IP address (10.0.0.5) or a CIDR network (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;

            // The framework trusts loopback by default; only what the operator names is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in proxy.Value.TrustedProxies)
            {
                if (ProxyOptions.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        return services;
    }

    /// <summary>Adds the middleware only when proxies are configured: with empty lists ASP.NET Core's middleware
    /// believes the headers from <em>any</em> peer, which is exactly what must not happen.</summary>
    public static WebApplication UseNoticeChainForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not the options: a bad entry must fail at start with the validation's message.
        var entries = app.Configuration.GetSection($"{ProxyOptions.Section}:{nameof(ProxyOptions.TrustedProxies)}").GetChildren();
        if (entries.Any(entry => !string.IsNullOrWhiteSpace(entry.Value)))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
