using NoticeChain.Ethereum.Abi;

namespace NoticeChain.Chain;

/// <summary>The ABI of <c>contracts/NoticeRegistry.sol</c>: its functions, events and custom errors.</summary>
/// <remarks>
/// Declared here as Solidity signatures rather than loaded from the compiled artefact, so the binding has no
/// file or resource to find at run time and reads like the contract's interface. An integration test compares
/// it entry by entry (names, types, indexed flags, mutability) with the ABI solc emits for the contract, so
/// the two cannot drift apart unnoticed. Enums travel as <c>uint8</c>, structs as tuples, as in solc's ABI.
/// </remarks>
public static class NoticeRegistryAbi
{
    private const string InclusionTuple = "(bytes32,bytes32,uint64,uint64,bytes32[])";

    internal static readonly AbiFunction TransferGovernance = AbiFunction.Parse("transferGovernance(address newGovernance)");
    internal static readonly AbiFunction AcceptGovernance = AbiFunction.Parse("acceptGovernance()");
    internal static readonly AbiFunction RegisterIssuer = AbiFunction.Parse("registerIssuer(bytes32 issuerId, string name, address key)");
    internal static readonly AbiFunction RotateIssuerKey = AbiFunction.Parse("rotateIssuerKey(bytes32 issuerId, address newKey)");
    internal static readonly AbiFunction RetireIssuer = AbiFunction.Parse("retireIssuer(bytes32 issuerId)");
    internal static readonly AbiFunction Anchor = AbiFunction.Parse("anchor(bytes32 root, uint64 size)");

    internal static readonly AbiFunction Revoke = AbiFunction.Parse(
        "revoke(bytes32 leaf, bytes32 root, uint64 index, uint64 size, bytes32[] path, uint8 reason, uint64 effectiveAt)");

    internal static readonly AbiFunction Supersede = AbiFunction.Parse(
        $"supersede({InclusionTuple} oldNotice, {InclusionTuple} newNotice, uint8 reason, uint64 effectiveAt)");

    internal static readonly AbiFunction Governance = AbiFunction.Parse("governance() view returns (address)");
    internal static readonly AbiFunction PendingGovernance = AbiFunction.Parse("pendingGovernance() view returns (address)");

    internal static readonly AbiFunction GetIssuer = AbiFunction.Parse(
        "getIssuer(bytes32 issuerId) view returns ((string,address,uint64,uint64,address[]) info)");

    internal static readonly AbiFunction GetKey = AbiFunction.Parse("getKey(address key) view returns ((bytes32,uint64,uint64) info)");

    internal static readonly AbiFunction GetAnchor = AbiFunction.Parse(
        "getAnchor(bytes32 root) view returns ((bytes32,address,uint64,uint64,uint64) info)");

    internal static readonly AbiFunction GetRevocation = AbiFunction.Parse(
        "getRevocation(bytes32 issuerId, bytes32 leaf) view returns ((uint64,uint64,uint8) revocation)");

    internal static readonly AbiFunction GetSupersession = AbiFunction.Parse(
        "getSupersession(bytes32 issuerId, bytes32 leaf) view returns ((bytes32,bytes32,uint64,uint64,uint8) supersession)");

    internal static readonly AbiFunction VerifyInclusion = AbiFunction.Parse(
        "verifyInclusion(bytes32 leaf, uint64 index, uint64 size, bytes32[] path, bytes32 root) view returns (bool)");

    internal static readonly AbiEvent GovernanceTransferStarted = AbiEvent.Parse(
        "GovernanceTransferStarted(address indexed currentGovernance, address indexed pendingGovernance)");

    internal static readonly AbiEvent GovernanceTransferred = AbiEvent.Parse(
        "GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance)");

    internal static readonly AbiEvent IssuerRegistered = AbiEvent.Parse(
        "IssuerRegistered(bytes32 indexed issuerId, address indexed key, string name)");

    internal static readonly AbiEvent IssuerKeyRotated = AbiEvent.Parse(
        "IssuerKeyRotated(bytes32 indexed issuerId, address indexed oldKey, address indexed newKey)");

    internal static readonly AbiEvent IssuerRetired = AbiEvent.Parse("IssuerRetired(bytes32 indexed issuerId, address indexed lastKey)");

    internal static readonly AbiEvent Anchored = AbiEvent.Parse(
        "Anchored(bytes32 indexed root, bytes32 indexed issuerId, address indexed key, uint64 size, uint64 anchoredAt)");

    internal static readonly AbiEvent Revoked = AbiEvent.Parse(
        "Revoked(bytes32 indexed issuerId, bytes32 indexed leaf, bytes32 indexed root, uint8 reason, uint64 effectiveAt, uint64 revokedAt)");

    internal static readonly AbiEvent Superseded = AbiEvent.Parse(
        "Superseded(bytes32 indexed issuerId, bytes32 indexed oldLeaf, bytes32 indexed newLeaf, bytes32 oldRoot, bytes32 newRoot, "
        + "uint8 reason, uint64 effectiveAt, uint64 supersededAt)");

    private static readonly string[] ErrorSignatures =
    [
        "ZeroGovernance()",
        "NotGovernance(address caller)",
        "NotPendingGovernance(address caller, address pendingGovernance)",
        "ZeroIssuerId()",
        "EmptyName()",
        "NameTooLong(uint256 length, uint256 maxLength)",
        "ZeroKey()",
        "IssuerAlreadyRegistered(bytes32 issuerId)",
        "KeyAlreadyUsed(address key, bytes32 issuerId)",
        "UnknownIssuer(bytes32 issuerId)",
        "IssuerIsRetired(bytes32 issuerId, uint64 retiredAt)",
        "UnknownKey(address key)",
        "KeyRotatedOut(address key, bytes32 issuerId, uint64 rotatedAt)",
        "ZeroRoot()",
        "EmptyTree()",
        "RootAlreadyAnchored(bytes32 root, bytes32 issuerId)",
        "RootNotAnchored(bytes32 root)",
        "NotRootIssuer(bytes32 root, bytes32 rootIssuerId, bytes32 callerIssuerId)",
        "TreeSizeMismatch(bytes32 root, uint64 anchoredSize, uint64 givenSize)",
        "IndexOutOfRange(uint64 index, uint64 size)",
        "ProofTooLong(uint256 length, uint256 maxLength)",
        "InvalidProof(bytes32 leaf, bytes32 root, uint64 index)",
        "EffectiveDateOutOfRange(uint64 effectiveAt, uint64 maxEffectiveAt)",
        "NoticeAlreadyRevoked(bytes32 issuerId, bytes32 leaf)",
        "NoticeAlreadySuperseded(bytes32 issuerId, bytes32 leaf)",
        "SupersededBySelf(bytes32 leaf)",
    ];

    /// <summary>The longest audit path the registry accepts (<c>MAX_PATH_LENGTH</c>).</summary>
    /// <remarks>64 hashes: no tree of at most 2^64 - 1 leaves (sizes are uint64) has a longer path.</remarks>
    public const int MaxPathLength = 64;

    /// <summary>The longest display name the registry accepts, in UTF-8 bytes (<c>MAX_NAME_LENGTH</c>).</summary>
    public const int MaxNameLength = 256;

    /// <summary>The latest effective date the registry accepts (<c>MAX_EFFECTIVE_AT</c>): 9999-12-31T23:59:59Z.</summary>
    /// <remarks>The registry refuses later dates so every date it stores fits <see cref="DateTimeOffset"/>.</remarks>
    public static DateTimeOffset MaxEffectiveAt { get; } = DateTimeOffset.FromUnixTimeSeconds(253_402_300_799);

    /// <summary>The whole ABI, constructor <c>constructor(address initialGovernance)</c> included.</summary>
    public static ContractAbi Contract { get; } = new(
        [
            AbiFunction.Parse("MAX_PATH_LENGTH() view returns (uint256)"),
            AbiFunction.Parse("MAX_NAME_LENGTH() view returns (uint256)"),
            AbiFunction.Parse("MAX_EFFECTIVE_AT() view returns (uint64)"),
            TransferGovernance, AcceptGovernance, RegisterIssuer, RotateIssuerKey,
            RetireIssuer, Anchor, Revoke, Supersede, Governance, PendingGovernance, GetIssuer, GetKey, GetAnchor, GetRevocation,
            GetSupersession, VerifyInclusion,
        ],
        [
            GovernanceTransferStarted, GovernanceTransferred, IssuerRegistered, IssuerKeyRotated, IssuerRetired, Anchored, Revoked,
            Superseded,
        ],
        ErrorSignatures.Select(AbiError.Parse),
        AbiConstructor.Parse("constructor(address initialGovernance)"));
}
