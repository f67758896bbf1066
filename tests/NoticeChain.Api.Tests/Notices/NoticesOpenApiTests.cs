using System.Net;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>The notice endpoints in <c>/openapi/v1.json</c>.</summary>
public sealed class NoticesOpenApiTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    [Fact]
    public async Task The_document_describes_every_notice_operation_with_its_schemas()
    {
        var response = await fixture.Server.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");

        var register = paths.GetProperty("/api/v1/notices").GetProperty("post");
        var content = register.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("multipart/form-data", out _));
        Assert.True(register.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(paths.GetProperty("/api/v1/notices/batch").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/notices/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/notices/{id}/receipt").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/notices/{id}/revoke").TryGetProperty("post", out _));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "NoticeRequest", "NoticeResponse", "BatchRequest", "BatchResponse", "RevokeRequest" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), $"schema {name} is missing");
        }

        Assert.True(schemas.GetProperty("NoticeRequest").GetProperty("properties").TryGetProperty("digest", out _));
    }
}
