using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;
using NoticeChain.Api.Notices;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;

namespace NoticeChain.Api.Verify;

/// <summary>The public verify endpoints under <c>/api/v1/verify</c> (docs/verify-api.md) and the notices' QR codes.</summary>
/// <remarks>
/// <para>
/// Anyone may ask, without a token: the answers say what the chain says about a document, and anyone can read the
/// chain. What they must not become is a tracking tool or a bulk oracle, hence per-client rate limits, no logging
/// of what was asked (<see cref="VerifyPathRedactor"/>), <c>Cache-Control: no-store</c>, and uploads hashed while
/// streaming, never stored.
/// </para>
/// <para>Input is checked completely at the edge; every bad request is a problem naming the field, never a 500.</para>
/// </remarks>
internal static class VerifyApi
{
    /// <summary>The route prefix.</summary>
    public const string Prefix = "/api/v1/verify";

    /// <summary>The most digests one batch request holds.</summary>
    public const int MaxBatchDigests = 1000;

    /// <summary>The largest batch body: 1000 digests of 64 digits, quoted and separated, with room for white space.</summary>
    public const int MaxBatchJsonBytes = 128 * 1024;

    /// <summary>The largest receipt body, as docs/receipt-format.md allows.</summary>
    public const int MaxReceiptJsonBytes = 16 * 1024;

    private const string JsonContentType = "application/json";

    /// <summary>Registers the verify services: options, the verification service, rate limits, CORS and log redaction.</summary>
    public static IServiceCollection AddVerify(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VerifyOptions>().Bind(configuration.GetSection(VerifyOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Verify:MaxUploadBytes must be positive.")
            .Validate(
                o => o.PublicBaseUrl.IsAbsoluteUri && (o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttp)
                    && string.IsNullOrEmpty(o.PublicBaseUrl.Query) && string.IsNullOrEmpty(o.PublicBaseUrl.Fragment),
                "Verify:PublicBaseUrl must be an absolute http(s) URL without query or fragment.")
            .Validate(
                o => !IsProduction(configuration) || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps && !o.PublicBaseUrl.IsLoopback),
                "NOTICECHAIN__Verify__PublicBaseUrl: in production (Auth:Mode=Production) it must be the public https address citizens reach, "
                + "because every QR code printed on a notice links to it; it is a loopback or http address now.")
            .Validate(
                o => o.RateLimit.PermitLimit > 0 && o.RateLimit.BatchPermitLimit > 0 && o.RateLimit.Window > TimeSpan.Zero && o.RateLimit.QueueLimit >= 0,
                "Verify:RateLimit needs positive PermitLimit, BatchPermitLimit and Window, and a QueueLimit of 0 or more.")
            .ValidateOnStart();
        services.AddOptions<ChainOptions>()
            .Validate(o => o.ChainId is > 0 and <= (1UL << 53) - 1, "Chain:ChainId must be between 1 and 2^53 - 1.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Registry) || ChainAddress.TryParse(o.Registry.Trim(), out _), "Chain:Registry must be 0x and 40 hex digits.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var chain = provider.GetRequiredService<IOptions<ChainOptions>>().Value;
            return new VerifyNetwork(chain.ChainId, string.IsNullOrWhiteSpace(chain.Registry) ? null : ChainAddress.Parse(chain.Registry.Trim()));
        });
        services.TryAddSingleton<INoticeLookup>(provider => provider.GetRequiredService<NoticeStoreHost>().Store);
        services.AddSingleton(provider => new VerificationService(
            provider.GetRequiredService<INoticeLookup>(),
            provider.GetRequiredService<IChainIndexStore>(),
            provider.GetRequiredService<VerifyNetwork>()));
        return services.AddVerifyProtection();
    }

    /// <summary>Adds CORS and the rate limiter to the pipeline and maps the public endpoints and the QR code.</summary>
    /// <remarks>Both middlewares act only on endpoints that ask for them, so the issuing endpoints stay without CORS
    /// and without these limits.</remarks>
    public static WebApplication MapVerify(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors();
        app.UseRateLimiter();

        var group = app.MapGroup(Prefix)
            .WithTags("Verify")
            .AllowAnonymous()
            .RequireCors(VerifyProtection.CorsPolicy)
            .RequireRateLimiting(VerifyProtection.LookupPolicy)
            .AddEndpointFilter<Operations.VerifyMetricsFilter>()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context).ConfigureAwait(false);
            })
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/{digest}", ByDigestAsync)
            .WithName("VerifyDigest")
            .WithSummary("Verifies a document by its SHA-256 (64 hex digits, either case).")
            .Produces<VerifyAnswer>()
            .ProducesValidationProblem();

        group.MapPost("", ByDigestsAsync)
            .RequireRateLimiting(VerifyProtection.BatchPolicy)
            .WithName("VerifyDigests")
            .WithSummary("Verifies 1 to 1000 digests; the results are in the order of the request.")
            .AcceptsBodies((JsonContentType, typeof(VerifyBatchRequest)))
            .Produces<VerifyBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/file", ByFileAsync)
            .WithName("VerifyFile")
            .WithSummary("Verifies an uploaded document (multipart/form-data, part 'file'), hashed while streaming and never stored.")
            .AcceptsBodies(("multipart/form-data", typeof(VerifyUploadForm)))
            .Produces<VerifyAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/receipt", ByReceiptAsync)
            .WithName("VerifyReceipt")
            .WithSummary("Verifies a receipt (docs/receipt-format.md), optionally against the document's digest (?digest=).")
            .WithDescription("The body is the receipt's JSON exactly as the issuing API hands it out (docs/receipt-format.md), at most 16 KiB.")
            .Produces<VerifyAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/notices/{id}", ByIdAsync)
            .WithName("VerifyNotice")
            .WithSummary("Status and issuer of a notice by its id (the QR code's link), without its digest or receipt.")
            .Produces<VerifyAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapNoticeQr();
        return app;
    }

    private static async Task<IResult> ByDigestAsync(string digest, VerificationService verifier, VerifyNetwork network, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!NoticeFields.TryDigest(digest, "digest", errors, out var parsed))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var outcome = await verifier.ByDigestAsync(parsed, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, network);
    }

    private static async Task<IResult> ByDigestsAsync(HttpContext context, VerificationService verifier, VerifyNetwork network, CancellationToken cancellationToken)
    {
        var (body, bodyProblem) = await JsonBody.ReadAsync(context.Request, MaxBatchJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (request, jsonProblem) = JsonBody.Deserialize(body!, VerifyJsonContext.Default.VerifyBatchRequest);
        if (jsonProblem is not null)
        {
            return jsonProblem;
        }

        var errors = new FieldErrors();
        if (request!.Digests is not { Count: > 0 and <= MaxBatchDigests } entries)
        {
            errors.Add("digests", $"The request holds 1 to {MaxBatchDigests} digests.");
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var digests = new List<Digest>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (NoticeFields.TryDigest(entries[i], $"digests[{i}]", errors, out var digest))
            {
                digests.Add(digest);
            }
        }

        if (errors.Any)
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var outcomes = await verifier.ByDigestsAsync(digests, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(
            new VerifyBatchResponse([.. outcomes.Select(o => VerifyAnswers.From(o, network))]),
            VerifyJsonContext.Default.VerifyBatchResponse);
    }

    private static async Task<IResult> ByFileAsync(
        HttpContext context,
        VerificationService verifier,
        VerifyNetwork network,
        IOptions<VerifyOptions> options,
        CancellationToken cancellationToken)
    {
        if (!NoticeUpload.IsMultipart(context.Request))
        {
            return JsonBody.UnsupportedMediaType("multipart/form-data");
        }

        var (digest, reference, problem) = await NoticeUpload.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (reference is not null)
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, NoticeUpload.ReferencePart, "The verify form has one part, 'file'.");
        }

        var outcome = await verifier.ByDigestAsync(digest, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, network);
    }

    private static async Task<IResult> ByReceiptAsync(HttpContext context, VerificationService verifier, VerifyNetwork network, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Digest? documentDigest = null;
        var query = context.Request.Query["digest"];
        if (query.Count > 1)
        {
            errors.Add("digest", "Give the document's digest once.");
        }
        else if (query.Count == 1 && NoticeFields.TryDigest(query[0], "digest", errors, out var parsed))
        {
            documentDigest = parsed;
        }

        if (errors.Any)
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync(context.Request, MaxReceiptJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (!Receipt.TryParse(body, out var receipt, out var error))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, error.Field, error.Message, "The body is not a valid receipt (docs/receipt-format.md).");
        }

        var outcome = await verifier.ByReceiptAsync(receipt, documentDigest, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, network);
    }

    private static async Task<IResult> ByIdAsync(string id, VerificationService verifier, VerifyNetwork network, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!NoticeFields.TryNoticeId(id, "id", errors, out var noticeId))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var outcome = await verifier.ByIdAsync(noticeId, cancellationToken).ConfigureAwait(false);
        return outcome is null
            ? NoticeProblems.For(StatusCodes.Status404NotFound, "id", "No notice with this id is registered.")
            : TypedResults.Json(VerifyAnswers.From(outcome, network, withDocument: false), VerifyJsonContext.Default.VerifyAnswer);
    }

    private static JsonHttpResult<VerifyAnswer> Answer(VerifyOutcome outcome, VerifyNetwork network) =>
        TypedResults.Json(VerifyAnswers.From(outcome, network), VerifyJsonContext.Default.VerifyAnswer);

    /// <summary>Whether the host runs with production authentication, where dev defaults are not acceptable.</summary>
    private static bool IsProduction(IConfiguration configuration) =>
        string.Equals(configuration["Auth:Mode"], "Production", StringComparison.OrdinalIgnoreCase);
}
