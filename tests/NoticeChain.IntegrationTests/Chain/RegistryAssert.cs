using NoticeChain.Chain;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>Assertions on the registry's custom errors.</summary>
public static class RegistryAssert
{
    /// <summary>Asserts that <paramref name="action"/> fails with the registry's custom error <paramref name="errorName"/>.</summary>
    public static async Task<RegistryRevertException> RevertsWithAsync(string errorName, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<RegistryRevertException>(action);
        Assert.Equal(errorName, error.ErrorName);
        return error;
    }
}
