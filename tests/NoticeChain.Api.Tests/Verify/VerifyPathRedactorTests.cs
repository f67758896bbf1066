using NoticeChain.Api.Verify;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>The redaction every log line passes through: the shapes ASP.NET Core writes verify paths in.</summary>
public sealed class VerifyPathRedactorTests
{
    private const string Digest = "adbbfbc49e4920150cffe624cf3bbcf2267f0f8cfd1e3fc0ec651c05fc546e9a";
    private const string Id = "019ab3f2-6c1e-7d3a-9b4e-2f1c0a9e8d7b";

    [Theory]
    [InlineData("Request starting HTTP/1.1 GET http://127.0.0.1:5080/api/v1/verify/" + Digest + " - - -", "GET http://127.0.0.1:5080/api/v1/verify/{digest} - - -")]
    [InlineData("/api/v1/verify/" + Digest, "/api/v1/verify/{digest}")]
    [InlineData("Route value 'api/v1/verify/" + Digest + "' with key 'path' did not pass", "Route value 'api/v1/verify/{digest}' with key 'path' did not pass")]
    [InlineData("api/v1/verify/" + Digest, "api/v1/verify/{digest}")]
    [InlineData("/api/v1/verify/notices/" + Id, "/api/v1/verify/notices/{id}")]
    [InlineData("GET /n/" + Id + "?lang=en", "GET /n/{id}?[redacted]")]
    [InlineData("Route value 'n/" + Id + "' with key", "Route value 'n/{id}' with key")]
    [InlineData("n/" + Id, "n/{id}")]
    [InlineData("Request starting HTTP/1.1 GET http://127.0.0.1:5080/?d=" + Digest + " - - -", "GET http://127.0.0.1:5080/?[redacted] - - -")]
    [InlineData("/?d=" + Digest, "/?[redacted]")]
    public void Redacts_the_looked_up_part_in_every_shape(string text, string expectedEnd)
    {
        var redacted = VerifyPathRedactor.Redact(text);

        Assert.EndsWith(expectedEnd, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Digest, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Type: application/json; charset=utf-8")]
    [InlineData("Anchoring pass: 1 batches closed, 1 transactions sent")]
    [InlineData("Executing endpoint 'HTTP: GET /api/v1/notices/{id}'")]
    public void Leaves_other_text_alone(string text) => Assert.Equal(text, VerifyPathRedactor.Redact(text));
}
