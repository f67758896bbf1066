using System.Net;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: open to anyone, and it names the bearer scheme where the API asks for it.</summary>
public sealed class OpenApiDocumentTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    [Fact]
    public async Task The_document_is_served_without_a_token_and_declares_the_bearer_scheme()
    {
        var document = await GetDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
    }

    [Fact]
    public async Task Every_protected_operation_requires_the_bearer_scheme()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        string[] protectedPaths =
        [
            "/api/v1/me", "/api/v1/me/permissions/notices-write", "/api/v1/me/permissions/notices-revoke", "/api/v1/me/permissions/governance",
        ];
        foreach (var path in protectedPaths)
        {
            var security = paths.GetProperty(path).GetProperty("get").GetProperty("security");
            Assert.Contains(security.EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
        }
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await fixture.Server.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
