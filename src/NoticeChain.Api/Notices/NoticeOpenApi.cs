using Microsoft.OpenApi;

namespace NoticeChain.Api.Notices;

/// <summary>Describes the notice endpoints' request bodies in the OpenAPI document.</summary>
/// <remarks>
/// The endpoints read their bodies themselves (to fingerprint the exact bytes, to stream uploads, and to answer
/// a wrong media type with a problem naming <c>Content-Type</c>), so they carry no <c>Accepts</c> metadata: that
/// metadata would also make routing answer 415 on its own, without the <c>errors</c> member. The document learns
/// the bodies from here instead; JSON bodies become named component schemas.
/// </remarks>
internal static class NoticeOpenApi
{
    /// <summary>Declares the request body of the operation: one schema per media type.</summary>
    public static RouteHandlerBuilder AcceptsBodies(this RouteHandlerBuilder builder, params (string ContentType, Type Type)[] bodies) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var (contentType, type) in bodies)
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken).ConfigureAwait(false);
                IOpenApiSchema described = schema;
                if (contentType == "application/json" && context.Document is { } document)
                {
                    document.AddComponent<IOpenApiSchema>(type.Name, schema);
                    described = new OpenApiSchemaReference(type.Name, document);
                }

                content[contentType] = new OpenApiMediaType { Schema = described };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        });
}
