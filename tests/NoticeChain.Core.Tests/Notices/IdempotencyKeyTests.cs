using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class IdempotencyKeyTests
{
    private static readonly Digest Body = Digest.Compute("{\"digest\":\"…\"}"u8);

    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("a")]
    [InlineData("with space and ~!@#")]
    public void Printable_ASCII_keys_are_accepted(string key)
    {
        var created = IdempotencyKey.Create(key, Body);

        Assert.Equal(key, created.Key);
        Assert.Equal(Body, created.RequestFingerprint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("umlaut-ä")]
    public void Empty_or_non_ASCII_keys_are_rejected(string? key)
    {
        Assert.False(IdempotencyKey.TryCreate(key, Body, out _, out var error));
        Assert.NotNull(error);
        Assert.Throws<FormatException>(() => IdempotencyKey.Create(key, Body));
    }

    [Fact]
    public void Keys_longer_than_255_characters_are_rejected()
    {
        Assert.True(IdempotencyKey.TryCreate(new string('k', 255), Body, out _, out _));
        Assert.False(IdempotencyKey.TryCreate(new string('k', 256), Body, out _, out _));
    }
}
