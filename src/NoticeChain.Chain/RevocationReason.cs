namespace NoticeChain.Chain;

/// <summary>Why a notice stops being in force: the registry's <c>Reason</c> enum, with the same numbers.</summary>
/// <remarks>
/// The members follow the ways an administrative act ends under the German Administrative Procedure Act
/// (VwVfG); the German term is what the authority's case-management system will show. The same codes serve
/// revocations and supersessions (a corrected notice replaces the old one with reason <see cref="Correction"/>).
/// The numbers are part of the contract's ABI and must never be reordered.
/// </remarks>
public enum RevocationReason : byte
{
    /// <summary>Rücknahme: withdrawal of an unlawful notice (section 48 VwVfG), possibly with effect for the past.</summary>
    Withdrawal = 0,

    /// <summary>Widerruf: revocation of a lawful notice (section 49 VwVfG), usually with effect for the future.</summary>
    Revocation = 1,

    /// <summary>Berichtigung: correction of an obvious error such as a typo or miscalculation (section 42 VwVfG).</summary>
    Correction = 2,

    /// <summary>Nichtigkeit: the notice was void from the start (section 44 VwVfG).</summary>
    Nullity = 3,

    /// <summary>Sonstiges: any other reason.</summary>
    Other = 4,
}
