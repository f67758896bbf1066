using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Authorization;
using NoticeChain.Auth;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Api.Notices;

/// <summary>The issuing endpoints under <c>/api/v1/notices</c>: register, read, fetch the receipt, revoke.</summary>
/// <remarks>
/// <para>
/// Every operation acts for the one authority the caller's token is bound to (<see cref="AuthorityContext.RequiredAuthority"/>);
/// another authority's notice is 404, indistinguishable from one that does not exist (docs/issuing-api.md).
/// </para>
/// <para>
/// Input is checked completely before the store is called, so a rejected request stores nothing. Every
/// successful registration, first or repeated, answers 202 with the notice as it is now: the same answer a
/// retry after a lost response gets, which is what makes the endpoint safe to retry.
/// </para>
/// </remarks>
internal static class NoticesApi
{
    /// <summary>The route prefix.</summary>
    public const string Prefix = "/api/v1/notices";

    private const string JsonContentType = "application/json";

    /// <summary>The read policy: a token bound to an authority with either notice scope.</summary>
    public const string NoticesRead = nameof(NoticesRead);

    /// <summary>Registers the notice services: the store, opened at start, and the endpoint options.</summary>
    /// <remarks>
    /// The one SQLite store also serves the anchoring worker and the chain follower through their ports
    /// (decision 0008), so all three share one connection pool and one file.
    /// </remarks>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticesOptions>().Bind(configuration.GetSection(NoticesOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Notices:MaxUploadBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NoticeStoreHost>();
        services.AddHostedService(provider => provider.GetRequiredService<NoticeStoreHost>());
        services.AddSingleton<INoticeStore>(provider => provider.GetRequiredService<NoticeStoreHost>().Store);
        services.TryAddSingleton<IAnchoringStore>(provider => provider.GetRequiredService<NoticeStoreHost>().Store);
        services.TryAddSingleton<IChainIndexStore>(provider => provider.GetRequiredService<NoticeStoreHost>().Store);
        services.AddAuthorizationBuilder().AddPolicy(NoticesRead, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new AuthorityRequirement())
            .RequireAssertion(context =>
            {
                var scopes = AuthorityClaims.ReadScopes(context.User);
                return scopes.Contains(TokenScopes.NoticesWrite) || scopes.Contains(TokenScopes.NoticesRevoke);
            }));
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix)
            .WithTags("Notices")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("", RegisterAsync)
            .RequireAuthorization(Policies.NoticesWrite)
            .WithName("RegisterNotice")
            .WithSummary("Registers a notice by its SHA-256 digest (JSON) or by uploading the document (multipart/form-data, hashed while streaming, never stored).")
            .AcceptsBodies((JsonContentType, typeof(NoticeRequest)), ("multipart/form-data", typeof(NoticeUploadForm)))
            .Produces<NoticeResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/batch", RegisterBatchAsync)
            .RequireAuthorization(Policies.NoticesWrite)
            .WithName("RegisterNoticeBatch")
            .WithSummary("Registers 1 to 10,000 notices by digest, all or none.")
            .AcceptsBodies((JsonContentType, typeof(BatchRequest)))
            .Produces<BatchResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}", GetAsync)
            .RequireAuthorization(NoticesRead)
            .WithName("GetNotice")
            .WithSummary("The notice's status and, once anchored, its receipt.")
            .Produces<NoticeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/receipt", GetReceiptAsync)
            .RequireAuthorization(NoticesRead)
            .WithName("GetNoticeReceipt")
            .WithSummary("The receipt (docs/receipt-format.md) as a file; 409 while the notice is not anchored.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id}/revoke", RevokeAsync)
            .RequireAuthorization(Policies.NoticesRevoke)
            .WithName("RevokeNotice")
            .WithSummary("Records the request to revoke the notice on chain, with reason and legal effective date.")
            .AcceptsBodies((JsonContentType, typeof(RevokeRequest)))
            .Produces<NoticeResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context,
        AuthorityContext caller,
        INoticeStore store,
        IOptions<NoticesOptions> options,
        CancellationToken cancellationToken)
    {
        if (!IdempotencyHeader.TryRead(context.Request, out var key, out var keyProblem))
        {
            return keyProblem;
        }

        NewNotice notice;
        IdempotencyKey? idempotencyKey;
        if (NoticeUpload.IsMultipart(context.Request))
        {
            var (digest, referenceText, problem) = await NoticeUpload.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            if (!NoticeFields.TryReference(referenceText, NoticeUpload.ReferencePart, errors, out var reference))
            {
                return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
            }

            notice = new NewNotice(digest, reference);
            idempotencyKey = IdempotencyHeader.Create(key, IdempotencyHeader.UploadFingerprintInput(digest, reference.Value));
        }
        else
        {
            if (!context.Request.HasJsonContentType())
            {
                return JsonBody.UnsupportedMediaType("application/json or multipart/form-data");
            }

            var (body, bodyProblem) = await JsonBody.ReadAsync(context.Request, NoticeRequestLimits.MaxSingleJsonBytes, cancellationToken).ConfigureAwait(false);
            if (bodyProblem is not null)
            {
                return bodyProblem;
            }

            var (request, jsonProblem) = JsonBody.Deserialize(body!, NoticesJsonContext.Default.NoticeRequest);
            if (jsonProblem is not null)
            {
                return jsonProblem;
            }

            var errors = new FieldErrors();
            var digestOk = NoticeFields.TryDigest(request!.Digest, "digest", errors, out var digest);
            var referenceOk = NoticeFields.TryReference(request.Reference, "reference", errors, out var reference);
            NoticeId? supersedes = null;
            if (request.Supersedes is not null && NoticeFields.TryNoticeId(request.Supersedes, "supersedes", errors, out var superseded))
            {
                supersedes = superseded;
            }

            if (!digestOk || !referenceOk || errors.Any)
            {
                return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
            }

            notice = new NewNotice(digest, reference!, supersedes);
            idempotencyKey = IdempotencyHeader.Create(key, body);
        }

        var result = await store.AcceptAsync(caller.RequiredAuthority, notice, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            AcceptOutcome.Accepted or AcceptOutcome.Replayed => Accepted(context, result.Only.Notice, receipt: null),
            AcceptOutcome.IdempotencyKeyReused => IdempotencyHeader.Reused(),
            AcceptOutcome.SupersededNoticeNotFound => NoticeProblems.For(
                StatusCodes.Status422UnprocessableEntity, "supersedes", "The authority has no notice with this id."),
            AcceptOutcome.SupersededNoticeNotInForce => NoticeProblems.For(
                StatusCodes.Status409Conflict, "supersedes", "The notice is revoked, superseded, or already due to be."),
            _ => throw new InvalidOperationException($"Unexpected accept outcome {result.Outcome}."),
        };
    }

    private static async Task<IResult> RegisterBatchAsync(
        HttpContext context,
        AuthorityContext caller,
        INoticeStore store,
        CancellationToken cancellationToken)
    {
        if (!IdempotencyHeader.TryRead(context.Request, out var key, out var keyProblem))
        {
            return keyProblem;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync(context.Request, NoticeRequestLimits.MaxBatchJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (request, jsonProblem) = JsonBody.Deserialize(body!, NoticesJsonContext.Default.BatchRequest);
        if (jsonProblem is not null)
        {
            return jsonProblem;
        }

        var errors = new FieldErrors();
        var entries = request!.Notices;
        if (entries is null || entries.Count is 0 or > INoticeStore.MaxNoticesPerSubmission)
        {
            errors.Add("notices", $"The batch holds 1 to {INoticeStore.MaxNoticesPerSubmission} notices.");
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var notices = new List<NewNotice>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"notices[{i}]";
            if (entries[i] is not { } entry)
            {
                errors.Add(field, "A notice is an object with digest and reference.");
                continue;
            }

            if (NoticeFields.TryDigest(entry.Digest, field + ".digest", errors, out var digest)
                & NoticeFields.TryReference(entry.Reference, field + ".reference", errors, out var reference))
            {
                notices.Add(new NewNotice(digest, reference!));
            }
        }

        if (errors.Any)
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var result = await store.AcceptManyAsync(caller.RequiredAuthority, notices, IdempotencyHeader.Create(key, body), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            AcceptOutcome.Accepted or AcceptOutcome.Replayed => TypedResults.Json(
                new BatchResponse([.. result.Notices.Select(n => n.Notice.Id.ToString())]),
                NoticesJsonContext.Default.BatchResponse,
                statusCode: StatusCodes.Status202Accepted),
            AcceptOutcome.IdempotencyKeyReused => IdempotencyHeader.Reused(),
            _ => throw new InvalidOperationException($"Unexpected accept outcome {result.Outcome} for a batch without supersessions."),
        };
    }

    private static async Task<IResult> GetAsync(string id, AuthorityContext caller, INoticeStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!NoticeFields.TryNoticeId(id, "id", errors, out var noticeId))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var notice = await store.GetAsync(caller.RequiredAuthority, noticeId, cancellationToken).ConfigureAwait(false);
        if (notice is null)
        {
            return NotFound();
        }

        var receipt = notice.Status == NoticeStatus.Pending
            ? null
            : await store.GetReceiptAsync(caller.RequiredAuthority, noticeId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ToResponse(notice, receipt?.ToJsonUtf8Bytes()), NoticesJsonContext.Default.NoticeResponse);
    }

    private static async Task<IResult> GetReceiptAsync(string id, AuthorityContext caller, INoticeStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!NoticeFields.TryNoticeId(id, "id", errors, out var noticeId))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var receipt = await store.GetReceiptAsync(caller.RequiredAuthority, noticeId, cancellationToken).ConfigureAwait(false);
        if (receipt is not null)
        {
            return TypedResults.Bytes(receipt.ToJsonUtf8Bytes(), "application/json", $"receipt-{noticeId}.json");
        }

        return await store.GetAsync(caller.RequiredAuthority, noticeId, cancellationToken).ConfigureAwait(false) is null
            ? NotFound()
            : NoticeProblems.For(StatusCodes.Status409Conflict, "id", "The notice is not anchored yet; its receipt exists once it is.");
    }

    private static async Task<IResult> RevokeAsync(
        string id,
        HttpContext context,
        AuthorityContext caller,
        INoticeStore store,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!NoticeFields.TryNoticeId(id, "id", errors, out var noticeId))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync(context.Request, NoticeRequestLimits.MaxSingleJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (request, jsonProblem) = JsonBody.Deserialize(body!, NoticesJsonContext.Default.RevokeRequest);
        if (jsonProblem is not null)
        {
            return jsonProblem;
        }

        if (!NoticeFields.TryReason(request!.Reason, "reason", errors, out var reason)
            | !NoticeFields.TryEffectiveAt(request.EffectiveAt, "effectiveAt", errors, out var effectiveAt))
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        var authority = caller.RequiredAuthority;
        var result = await store.RequestRevocationAsync(authority, noticeId, reason, effectiveAt, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case RevocationRequestOutcome.Recorded or RevocationRequestOutcome.AlreadyRecorded:
                var notice = await store.GetAsync(authority, noticeId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("A notice with a recorded revocation request was not found.");
                return TypedResults.Json(ToResponse(notice, null), NoticesJsonContext.Default.NoticeResponse, statusCode: StatusCodes.Status202Accepted);
            case RevocationRequestOutcome.NotFound:
                return NotFound();
            case RevocationRequestOutcome.ConflictingRequest:
                return NoticeProblems.For(StatusCodes.Status409Conflict, NoticeProblems.Body, "A different revocation request is already recorded for this notice.");
            case RevocationRequestOutcome.NotInForce:
                return NoticeProblems.For(StatusCodes.Status409Conflict, "id", "The notice is already revoked or superseded.");
            default:
                throw new InvalidOperationException($"Unexpected revocation outcome {result.Outcome}.");
        }
    }

    private static JsonHttpResult<NoticeResponse> Accepted(HttpContext context, Notice notice, byte[]? receipt)
    {
        context.Response.Headers.Location = $"{Prefix}/{notice.Id}";
        return TypedResults.Json(ToResponse(notice, receipt), NoticesJsonContext.Default.NoticeResponse, statusCode: StatusCodes.Status202Accepted);
    }

    private static ProblemHttpResult NotFound() =>
        NoticeProblems.For(StatusCodes.Status404NotFound, "id", "The authority has no notice with this id.");

    private static NoticeResponse ToResponse(Notice notice, byte[]? receipt) => new(
        notice.Id.ToString(),
        NoticeFields.Format(notice.Status),
        notice.Digest.ToString(),
        notice.Reference.Value,
        NoticeFields.Format(notice.AcceptedAt),
        notice.Supersedes?.ToString(),
        notice.AnchoredAt is { } anchoredAt ? NoticeFields.Format(anchoredAt) : null,
        notice.RevocationRequest is { } request
            ? new RevocationRequestResponse(NoticeFields.Format(request.Reason), NoticeFields.Format(request.EffectiveAt), NoticeFields.Format(request.RequestedAt))
            : null,
        receipt is null ? null : JsonDocument.Parse(receipt).RootElement.Clone());
}
