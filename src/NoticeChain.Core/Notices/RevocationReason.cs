namespace NoticeChain.Core.Notices;

/// <summary>Why a notice stops being in force: the registry's <c>Reason</c> enum, value for value.</summary>
/// <remarks>
/// The numeric values are the <c>uint8</c> values of <c>NoticeRegistry.Reason</c> (declaration order in
/// <c>contracts/NoticeRegistry.sol</c>), so a value crosses the chain boundary by a plain cast. The German
/// terms of the administrative procedure act (VwVfG) are given because the authorities think in them.
/// </remarks>
public enum RevocationReason
{
    /// <summary>Rücknahme: withdrawal of an unlawful notice (section 48 VwVfG).</summary>
    Withdrawal = 0,

    /// <summary>Widerruf: revocation of a lawful notice (section 49 VwVfG).</summary>
    Revocation = 1,

    /// <summary>Berichtigung: correction of an obvious error (section 42 VwVfG).</summary>
    Correction = 2,

    /// <summary>Nichtigkeit: the notice was void from the start (section 44 VwVfG).</summary>
    Nullity = 3,

    /// <summary>Sonstiges: any other reason.</summary>
    Other = 4,
}
