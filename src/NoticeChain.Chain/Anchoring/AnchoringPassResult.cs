namespace NoticeChain.Chain.Anchoring;

/// <summary>What one pass of the <see cref="AnchorBatchProcessor"/> did.</summary>
/// <remarks>
/// A pass that met an unreachable node is not a failure to throw: it ends early with <see cref="Interruption"/>
/// set, everything done so far is in the store, and the next pass carries on. The counts let a host log one line
/// per busy pass and let tests wait for a state instead of sleeping.
/// </remarks>
public sealed class AnchoringPassResult
{
    /// <summary>Batches closed over pending notices.</summary>
    public int BatchesClosed { get; internal set; }

    /// <summary>New transactions signed and recorded for ready actions (each then broadcast).</summary>
    public int TransactionsSent { get; internal set; }

    /// <summary>Recorded transactions broadcast again, byte for byte.</summary>
    public int Rebroadcasts { get; internal set; }

    /// <summary>Stuck transactions replaced with higher fees.</summary>
    public int Replacements { get; internal set; }

    /// <summary>Actions recorded as mined.</summary>
    public int Mined { get; internal set; }

    /// <summary>Transactions recorded as mined but reverted.</summary>
    public int Reverted { get; internal set; }

    /// <summary>Transactions given up because their nonce was taken.</summary>
    public int Abandoned { get; internal set; }

    /// <summary>Mined actions taken back to in flight because a reorg dropped their block.</summary>
    public int Unmined { get; internal set; }

    /// <summary>Actions or transactions the node or the registry refused this pass; they are retried.</summary>
    public int Refused { get; internal set; }

    /// <summary>The transient node failure that ended the pass early, or null when the pass ran to the end.</summary>
    public Exception? Interruption { get; internal set; }

    /// <summary>True when the pass ran to the end.</summary>
    public bool Completed => Interruption is null;

    /// <summary>True when the pass changed nothing: no batch, transaction or confirmation.</summary>
    public bool Idle =>
        BatchesClosed == 0 && TransactionsSent == 0 && Replacements == 0 && Mined == 0 && Reverted == 0
        && Abandoned == 0 && Unmined == 0;
}
