namespace NoticeChain.Core.Notices;

/// <summary>The store's answer to a submission: the outcome and, if it stored anything, the notices in
/// submission order.</summary>
/// <remarks>
/// For a submission of many notices, <see cref="FailedIndex"/> names the first notice (0-based) that made the
/// whole submission fail, so an HTTP edge can point at <c>notices[i].supersedes</c>.
/// </remarks>
public sealed class AcceptResult
{
    private AcceptResult(AcceptOutcome outcome, IReadOnlyList<AcceptedNotice> notices, int? failedIndex)
    {
        Outcome = outcome;
        Notices = notices;
        FailedIndex = failedIndex;
    }

    /// <summary>What happened.</summary>
    public AcceptOutcome Outcome { get; }

    /// <summary>True for <see cref="AcceptOutcome.Accepted"/> and <see cref="AcceptOutcome.Replayed"/>.</summary>
    public bool Succeeded => Outcome is AcceptOutcome.Accepted or AcceptOutcome.Replayed;

    /// <summary>The notices in submission order; empty unless <see cref="Succeeded"/>.</summary>
    public IReadOnlyList<AcceptedNotice> Notices { get; }

    /// <summary>The 0-based position of the notice that failed the submission, if one did.</summary>
    public int? FailedIndex { get; }

    /// <summary>The single notice of a one-notice submission.</summary>
    /// <exception cref="InvalidOperationException">The submission failed or held more than one notice.</exception>
    public AcceptedNotice Only =>
        Succeeded && Notices.Count == 1
            ? Notices[0]
            : throw new InvalidOperationException($"The submission has no single notice (outcome {Outcome}, {Notices.Count} notices).");

    /// <summary>A successful answer.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is not a success.</exception>
    public static AcceptResult Success(AcceptOutcome outcome, IReadOnlyList<AcceptedNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (outcome is not (AcceptOutcome.Accepted or AcceptOutcome.Replayed))
        {
            throw new ArgumentException("Not a successful outcome.", nameof(outcome));
        }

        return new AcceptResult(outcome, notices, null);
    }

    /// <summary>A failed answer: nothing was stored.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is a success.</exception>
    public static AcceptResult Failure(AcceptOutcome outcome, int? failedIndex = null)
    {
        if (outcome is AcceptOutcome.Accepted or AcceptOutcome.Replayed)
        {
            throw new ArgumentException("Not a failed outcome.", nameof(outcome));
        }

        return new AcceptResult(outcome, [], failedIndex);
    }
}
