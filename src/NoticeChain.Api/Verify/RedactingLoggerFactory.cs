namespace NoticeChain.Api.Verify;

/// <summary>The application's <see cref="ILoggerFactory"/> with <see cref="VerifyPathRedactor"/> applied to every log
/// message, structured value and scope, before any provider sees it.</summary>
/// <remarks>
/// <para>
/// Configuration cannot do this: log levels are the operator's to choose, and a provider-specific rule (a debug
/// console, a collector at Trace) overrides any category filter the application sets. Wrapping the factory covers
/// every category (hosting, routing, Kestrel, anything added later) at every level.
/// </para>
/// <para>
/// The cost is paid only for enabled log calls whose text or values mention a public path; every other call is
/// passed through untouched, with its original state.
/// </para>
/// </remarks>
/// <param name="inner">The factory the providers are registered with.</param>
/// <param name="ownsInner">Whether disposing this disposes <paramref name="inner"/> (which flushes the providers' queues).</param>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered so far, whichever way it was registered.</summary>
    /// <exception cref="InvalidOperationException">No logger factory is registered yet.</exception>
    public static IServiceCollection Replace(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Logging must be registered before the verify API wraps its factory.");
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(provider => original switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new RedactingLoggerFactory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new RedactingLoggerFactory((ILoggerFactory)factory(provider), ownsInner: true),
            { ImplementationType: { } type } => new RedactingLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(provider, type), ownsInner: true),
            _ => throw new InvalidOperationException("The registered logger factory cannot be wrapped."),
        });
        return services;
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>Disposes the wrapped factory if this one created it.</summary>
    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
