using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;
using NoticeChain.Api.Authentication;
using NoticeChain.Api.Authorization;
using NoticeChain.Api.Caller;
using NoticeChain.Api.CitizenPage;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Operations;
using NoticeChain.Api.Verify;

namespace NoticeChain.Api;

/// <summary>Composes the API: services, middleware and endpoints. Program.cs and the tests build the same host from here.</summary>
/// <remarks>
/// Split in two steps so a test can add configuration (a temporary data folder, port 0) between creating the
/// builder and building the application, and then run the very pipeline production runs on real Kestrel.
/// </remarks>
internal static class ApiHost
{
    /// <summary>Prefix of the environment variables that configure the API: <c>NOTICECHAIN__Auth__Mode</c> sets <c>Auth:Mode</c>.</summary>
    public const string EnvironmentPrefix = "NOTICECHAIN__";

    /// <summary>Where Kestrel listens unless <c>Urls</c> (<c>NOTICECHAIN__Urls</c>, <c>ASPNETCORE_URLS</c>, <c>--urls</c>) says otherwise.</summary>
    /// <remarks>Loopback only: exposing the API is a deliberate act behind a TLS-terminating proxy.</remarks>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Creates the builder with NoticeChain's configuration sources; the command line still wins.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? environmentName = null)
    {
        // The content root is the program's folder, so appsettings.json is found from any working directory;
        // relative data paths still resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = environmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(args);
        return builder;
    }

    /// <summary>Registers the services, builds the application and maps its middleware and endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddNoticeChainConsoleFormat();
        var services = builder.Services;
        services.AddOptions<DataOptions>().Bind(builder.Configuration.GetSection(DataOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Data:Folder must not be empty (NOTICECHAIN__Data__Folder or NOTICECHAIN_DATA).")
            .ValidateOnStart();
        services.AddNoticeChainDataProtection();
        services.AddNoticeChainProblemDetails();
        services.AddNoticeChainAuthentication(builder.Configuration);
        services.AddNoticeChainAuthorization();
        services.AddNotices(builder.Configuration);
        services.AddVerify(builder.Configuration);
        services.AddNoticeChainForwardedHeaders(builder.Configuration);
        // After AddNotices (it decorates the store) and before the workers (its stop report runs after theirs).
        services.AddOperations(builder.Configuration);
        // After AddNotices: the workers use the store that AddNotices opens in a hosted service started before them.
        services.AddNoticeChainAnchoring(builder.Configuration);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
        });
        services.AddHealthChecks();

        var app = builder.Build();
        // First: everything after it (rate limits, logs) sees the client's address, not a trusted proxy's.
        app.UseNoticeChainForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapOperations();
        app.MapOpenApi().AllowAnonymous();
        app.MapCallerApi();
        app.MapNotices();
        app.MapVerify();
        app.MapCitizenPage();
        return app;
    }

    /// <summary>Runs the start checks (settings, the dev key) before the host starts.</summary>
    /// <remarks>
    /// The host would run the same checks at start, but it logs a failure with its stack trace before rethrowing;
    /// run first, a bad setting reaches Program.cs as an exception that it prints as one clear message.
    /// </remarks>
    public static void CheckStartup(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        SettingChecks.Check(app.Configuration);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        AuthorityKeyCheck.Check(app.Services);
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.ParsedMode == AuthMode.Development)
        {
            _ = app.Services.GetRequiredService<DevSigningKeyProvider>().VerificationKey;
        }
    }

    /// <summary>Keeps ASP.NET Core's data-protection key ring in the data folder instead of the user's home.</summary>
    /// <remarks>
    /// Authentication registers data protection and its key ring is created at start, although no bearer-token
    /// feature uses it; without this it would be written to <c>~/.aspnet</c>, outside everything the operator backs
    /// up or deletes with the data folder.
    /// </remarks>
    private static IServiceCollection AddNoticeChainDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataOptions>, ILoggerFactory>((options, data, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(data.Value.Folder, "data-protection")), loggers));
        return services;
    }

    /// <summary>RFC 9457 bodies for every error, and nothing about the server's insides in them.</summary>
    /// <remarks>
    /// Minimal APIs throw on a bad request in the Development environment by default, which would turn a client's
    /// mistake into a 500; here it is a 400 in every environment. An exception's message, type and stack trace
    /// never reach the client, only the trace id that finds it in the log.
    /// </remarks>
    private static IServiceCollection AddNoticeChainProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString()
                ?? context.HttpContext.TraceIdentifier;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return services;
    }
}
