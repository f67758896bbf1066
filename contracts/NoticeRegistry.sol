// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title NoticeRegistry
/// @notice The on-chain root of trust of NoticeChain. Governance registers issuing authorities and their
///         signing keys; each authority anchors the Merkle roots of its own batches of administrative notices
///         and may later revoke or supersede its own notices, proven leaf by leaf against its own roots.
/// @dev Merkle trees, leaves and inclusion proofs are those of RFC 9162 section 2.1 (Certificate Transparency
///      v2): leaf = SHA-256(0x00 || salt || digest), node = SHA-256(0x01 || left || right). The chain never
///      sees a document, a digest or a salt; it holds roots, leaf hashes of revoked or superseded notices and
///      the authority registry. docs/contract.md describes the trust model and what a verifier must check.
contract NoticeRegistry {
    /// @notice The longest inclusion path accepted. A tree of at most 2^64 - 1 leaves (sizes are uint64) has
    ///         audit paths of at most 64 hashes, so no valid proof is longer; the bound also bounds the gas.
    uint256 public constant MAX_PATH_LENGTH = 64;

    /// @notice The longest authority display name accepted, in bytes of UTF-8.
    uint256 public constant MAX_NAME_LENGTH = 256;

    /// @notice The latest effective date accepted: 9999-12-31T23:59:59Z in unix seconds, so every date the
    ///         registry stores is an ordinary calendar date for the software that displays it.
    uint64 public constant MAX_EFFECTIVE_AT = 253_402_300_799;

    /// @notice Why a notice stops being in force (German administrative procedure law terms in brackets).
    /// @dev Withdrawal = Rücknahme (of an unlawful notice, section 48 VwVfG), Revocation = Widerruf (of a lawful
    ///      notice, section 49 VwVfG), Correction = Berichtigung (obvious errors, section 42 VwVfG),
    ///      Nullity = Nichtigkeit (void from the start, section 44 VwVfG), Other = Sonstiges.
    enum Reason {
        Withdrawal,
        Revocation,
        Correction,
        Nullity,
        Other
    }

    /// @notice One notice as a leaf of an anchored tree, with its RFC 9162 inclusion proof.
    /// @param leaf The leaf hash SHA-256(0x00 || salt || digest).
    /// @param root The anchored root the proof leads to.
    /// @param index The zero-based position of the leaf in the tree.
    /// @param size The number of leaves of the tree; must equal the size anchored with the root.
    /// @param path The audit path, bottom to top.
    struct Inclusion {
        bytes32 leaf;
        bytes32 root;
        uint64 index;
        uint64 size;
        bytes32[] path;
    }

    /// @notice An authority as `getIssuer` returns it; all fields are zero for an unknown id.
    /// @param name The display name.
    /// @param currentKey The key that may anchor now; after retirement, the last key it had.
    /// @param registeredAt Block time of the registration (unix seconds).
    /// @param retiredAt Block time of the retirement, 0 while active.
    /// @param keys Every key the authority ever had, oldest first.
    struct IssuerInfo {
        string name;
        address currentKey;
        uint64 registeredAt;
        uint64 retiredAt;
        address[] keys;
    }

    /// @notice A signing key as `getKey` returns it; all fields are zero for a key never registered.
    /// @param issuerId The authority the key belongs to, for ever.
    /// @param validFrom Block time at which the key was registered or rotated in.
    /// @param validUntil Block time at which it was rotated out or its authority retired; 0 while current.
    struct KeyInfo {
        bytes32 issuerId;
        uint64 validFrom;
        uint64 validUntil;
    }

    /// @notice An anchored root as `getAnchor` returns it; all fields are zero for a root never anchored.
    /// @param issuerId The authority whose key anchored the root.
    /// @param key The key that sent the anchoring transaction.
    /// @param size The number of leaves of the tree.
    /// @param anchoredAt Block time of the anchoring transaction.
    /// @param blockNumber Block of the anchoring transaction, where its `Anchored` event is found.
    struct AnchorInfo {
        bytes32 issuerId;
        address key;
        uint64 size;
        uint64 anchoredAt;
        uint64 blockNumber;
    }

    /// @notice A revocation as `getRevocation` returns it; all fields are zero for a notice not revoked.
    /// @param revokedAt Block time of the revoking transaction.
    /// @param effectiveAt When the revocation takes legal effect (unix seconds), as the authority declared it.
    /// @param reason Why the notice was revoked.
    struct Revocation {
        uint64 revokedAt;
        uint64 effectiveAt;
        Reason reason;
    }

    /// @notice A supersession as `getSupersession` returns it; all fields are zero for a notice not superseded.
    /// @param newLeaf The leaf of the notice that replaces it.
    /// @param newRoot The anchored root that contains the replacement.
    /// @param supersededAt Block time of the superseding transaction.
    /// @param effectiveAt When the replacement takes legal effect (unix seconds), as the authority declared it.
    /// @param reason Why the notice was replaced.
    struct Supersession {
        bytes32 newLeaf;
        bytes32 newRoot;
        uint64 supersededAt;
        uint64 effectiveAt;
        Reason reason;
    }

    /// @dev currentKey and retiredAt share a slot: anchoring, revoking and superseding read both, once.
    struct IssuerRecord {
        address currentKey;
        uint64 retiredAt;
        uint64 registeredAt;
        string name;
        address[] keys;
    }

    struct AnchorRecord {
        address key;
        uint64 anchoredAt;
        uint64 size;
        uint64 blockNumber;
    }

    address private _governance;
    address private _pendingGovernance;
    mapping(bytes32 issuerId => IssuerRecord) private _issuers;
    mapping(address key => KeyInfo) private _keys;
    mapping(bytes32 root => AnchorRecord) private _anchors;
    mapping(bytes32 issuerId => mapping(bytes32 leaf => Revocation)) private _revocations;
    mapping(bytes32 issuerId => mapping(bytes32 leaf => Supersession)) private _supersessions;

    /// @notice Governance proposed `pendingGovernance` as its successor.
    event GovernanceTransferStarted(address indexed currentGovernance, address indexed pendingGovernance);

    /// @notice Governance passed from `previousGovernance` to `newGovernance` (from zero at deployment).
    event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance);

    /// @notice Governance registered an authority with its first key.
    event IssuerRegistered(bytes32 indexed issuerId, address indexed key, string name);

    /// @notice Governance replaced an authority's key; roots anchored with the old key stay attributed to it.
    event IssuerKeyRotated(bytes32 indexed issuerId, address indexed oldKey, address indexed newKey);

    /// @notice Governance retired an authority: no new anchors, revocations or supersessions from it.
    event IssuerRetired(bytes32 indexed issuerId, address indexed lastKey);

    /// @notice An authority anchored the root of a tree of `size` notices.
    event Anchored(bytes32 indexed root, bytes32 indexed issuerId, address indexed key, uint64 size, uint64 anchoredAt);

    /// @notice An authority revoked one of its notices, proven against its root `root`.
    event Revoked(
        bytes32 indexed issuerId,
        bytes32 indexed leaf,
        bytes32 indexed root,
        Reason reason,
        uint64 effectiveAt,
        uint64 revokedAt
    );

    /// @notice An authority replaced one of its notices by another of its notices.
    event Superseded(
        bytes32 indexed issuerId,
        bytes32 indexed oldLeaf,
        bytes32 indexed newLeaf,
        bytes32 oldRoot,
        bytes32 newRoot,
        Reason reason,
        uint64 effectiveAt,
        uint64 supersededAt
    );

    /// @notice The constructor was given the zero address as governance.
    error ZeroGovernance();

    /// @notice `caller` is not governance.
    error NotGovernance(address caller);

    /// @notice `caller` is not the proposed governance `pendingGovernance` (zero when none is proposed).
    error NotPendingGovernance(address caller, address pendingGovernance);

    /// @notice The issuer id is zero.
    error ZeroIssuerId();

    /// @notice The display name is empty.
    error EmptyName();

    /// @notice The display name has `length` bytes, more than `maxLength`.
    error NameTooLong(uint256 length, uint256 maxLength);

    /// @notice The key is the zero address.
    error ZeroKey();

    /// @notice An authority with this id is already registered (ids are never reused, even after retirement).
    error IssuerAlreadyRegistered(bytes32 issuerId);

    /// @notice `key` was already registered, for authority `issuerId`; a key belongs to one authority, once.
    error KeyAlreadyUsed(address key, bytes32 issuerId);

    /// @notice No authority with this id is registered.
    error UnknownIssuer(bytes32 issuerId);

    /// @notice The authority was retired at `retiredAt` and can no longer change.
    error IssuerIsRetired(bytes32 issuerId, uint64 retiredAt);

    /// @notice The sender `key` is not a registered authority key.
    error UnknownKey(address key);

    /// @notice The sender `key` of authority `issuerId` was rotated out at `rotatedAt`.
    error KeyRotatedOut(address key, bytes32 issuerId, uint64 rotatedAt);

    /// @notice The root is zero.
    error ZeroRoot();

    /// @notice The tree size is zero; RFC 9162 proofs exist only for non-empty trees.
    error EmptyTree();

    /// @notice The root was already anchored, by authority `issuerId`.
    error RootAlreadyAnchored(bytes32 root, bytes32 issuerId);

    /// @notice The root was never anchored.
    error RootNotAnchored(bytes32 root);

    /// @notice The root was anchored by `rootIssuerId`, not by the sender's authority `callerIssuerId`.
    error NotRootIssuer(bytes32 root, bytes32 rootIssuerId, bytes32 callerIssuerId);

    /// @notice The proof claims a tree of `givenSize` leaves, but the root was anchored with `anchoredSize`.
    error TreeSizeMismatch(bytes32 root, uint64 anchoredSize, uint64 givenSize);

    /// @notice The leaf index is not below the tree size.
    error IndexOutOfRange(uint64 index, uint64 size);

    /// @notice The audit path has `length` hashes, more than `maxLength`.
    error ProofTooLong(uint256 length, uint256 maxLength);

    /// @notice The audit path does not lead from `leaf` at `index` to `root`.
    error InvalidProof(bytes32 leaf, bytes32 root, uint64 index);

    /// @notice The effective date is 0 or after `MAX_EFFECTIVE_AT`.
    error EffectiveDateOutOfRange(uint64 effectiveAt, uint64 maxEffectiveAt);

    /// @notice Authority `issuerId` already revoked the notice `leaf`.
    error NoticeAlreadyRevoked(bytes32 issuerId, bytes32 leaf);

    /// @notice Authority `issuerId` already superseded the notice `leaf`.
    error NoticeAlreadySuperseded(bytes32 issuerId, bytes32 leaf);

    /// @notice A notice cannot supersede itself.
    error SupersededBySelf(bytes32 leaf);

    modifier onlyGovernance() {
        if (msg.sender != _governance) revert NotGovernance(msg.sender);
        _;
    }

    /// @notice Deploys the registry with `initialGovernance` as governance.
    /// @param initialGovernance The address allowed to manage authorities; a multisig in production.
    constructor(address initialGovernance) {
        if (initialGovernance == address(0)) revert ZeroGovernance();
        _governance = initialGovernance;
        emit GovernanceTransferred(address(0), initialGovernance);
    }

    // ---------------------------------------------------------------------------------------------------
    // Governance
    // ---------------------------------------------------------------------------------------------------

    /// @notice Proposes `newGovernance` as governance; it takes over when it calls `acceptGovernance`.
    /// @dev Two steps, so a mistyped address cannot lock governance out. Proposing the zero address
    ///      withdraws a pending proposal. Only governance may call.
    /// @param newGovernance The proposed successor, or zero to cancel.
    function transferGovernance(address newGovernance) external onlyGovernance {
        _pendingGovernance = newGovernance;
        emit GovernanceTransferStarted(msg.sender, newGovernance);
    }

    /// @notice Completes a governance transfer; only the proposed successor may call.
    function acceptGovernance() external {
        address pending = _pendingGovernance;
        if (msg.sender != pending) revert NotPendingGovernance(msg.sender, pending);
        address previous = _governance;
        _governance = pending;
        _pendingGovernance = address(0);
        emit GovernanceTransferred(previous, pending);
    }

    /// @notice Registers an authority with its first signing key. Only governance may call.
    /// @param issuerId The authority's permanent id (e.g. a hash of its official authority code); not zero,
    ///        never registered before.
    /// @param name The display name, 1 to `MAX_NAME_LENGTH` bytes of UTF-8.
    /// @param key The signing key; not zero and never registered before, for any authority.
    function registerIssuer(bytes32 issuerId, string calldata name, address key) external onlyGovernance {
        if (issuerId == bytes32(0)) revert ZeroIssuerId();
        uint256 nameLength = bytes(name).length;
        if (nameLength == 0) revert EmptyName();
        if (nameLength > MAX_NAME_LENGTH) revert NameTooLong(nameLength, MAX_NAME_LENGTH);
        IssuerRecord storage issuer = _issuers[issuerId];
        if (issuer.currentKey != address(0)) revert IssuerAlreadyRegistered(issuerId);
        _claimKey(key, issuerId);
        issuer.currentKey = key;
        issuer.registeredAt = uint64(block.timestamp);
        issuer.name = name;
        issuer.keys.push(key);
        emit IssuerRegistered(issuerId, key, name);
    }

    /// @notice Replaces an active authority's signing key. Only governance may call.
    /// @dev The old key can no longer anchor, revoke or supersede, and can never be registered again; roots
    ///      it anchored stay attributed to the authority, because a key's authority never changes.
    /// @param issuerId The authority; registered and not retired.
    /// @param newKey The new key; not zero and never registered before, for any authority.
    function rotateIssuerKey(bytes32 issuerId, address newKey) external onlyGovernance {
        IssuerRecord storage issuer = _activeIssuer(issuerId);
        address oldKey = issuer.currentKey;
        _claimKey(newKey, issuerId);
        _keys[oldKey].validUntil = uint64(block.timestamp);
        issuer.currentKey = newKey;
        issuer.keys.push(newKey);
        emit IssuerKeyRotated(issuerId, oldKey, newKey);
    }

    /// @notice Retires an authority for good. Only governance may call.
    /// @dev A retired authority can no longer anchor, revoke or supersede, and cannot be reactivated; its
    ///      roots, revocations and supersessions stay readable and verifiable.
    /// @param issuerId The authority; registered and not retired.
    function retireIssuer(bytes32 issuerId) external onlyGovernance {
        IssuerRecord storage issuer = _activeIssuer(issuerId);
        address lastKey = issuer.currentKey;
        issuer.retiredAt = uint64(block.timestamp);
        _keys[lastKey].validUntil = uint64(block.timestamp);
        emit IssuerRetired(issuerId, lastKey);
    }

    // ---------------------------------------------------------------------------------------------------
    // Authorities
    // ---------------------------------------------------------------------------------------------------

    /// @notice Anchors the root of a tree of notices for the sender's authority.
    /// @dev The sender must be the current key of an active authority. A root can be anchored once, by
    ///      one authority; the block time recorded here is the notices' proven time of issue.
    /// @param root The RFC 9162 root hash; not zero, never anchored before.
    /// @param size The number of leaves of the tree; at least 1.
    function anchor(bytes32 root, uint64 size) external {
        bytes32 issuerId = _issuerOfActiveKey(msg.sender);
        if (root == bytes32(0)) revert ZeroRoot();
        if (size == 0) revert EmptyTree();
        AnchorRecord storage record = _anchors[root];
        if (record.key != address(0)) revert RootAlreadyAnchored(root, _keys[record.key].issuerId);
        record.key = msg.sender;
        record.anchoredAt = uint64(block.timestamp);
        record.size = size;
        record.blockNumber = uint64(block.number);
        emit Anchored(root, issuerId, msg.sender, size, uint64(block.timestamp));
    }

    /// @notice Revokes one of the sender's authority's notices.
    /// @dev The sender must be the current key of the active authority that anchored `root`, and the proof
    ///      must show `leaf` at `index` in that tree; so no authority can revoke another's notice. A notice
    ///      is revoked or superseded at most once (per authority and leaf, so a leaf copied into another
    ///      authority's tree can neither be revoked by it nor block the rightful authority).
    /// @param leaf The notice's leaf hash.
    /// @param root The anchored root containing it.
    /// @param index The leaf's position in the tree.
    /// @param size The tree size; must equal the anchored size.
    /// @param path The RFC 9162 audit path, at most `MAX_PATH_LENGTH` hashes.
    /// @param reason Why the notice is revoked.
    /// @param effectiveAt When the revocation takes legal effect (unix seconds, 1 to `MAX_EFFECTIVE_AT`); may
    ///        lie before the block time (e.g. a Rücknahme with effect for the past) or after it.
    function revoke(
        bytes32 leaf,
        bytes32 root,
        uint64 index,
        uint64 size,
        bytes32[] calldata path,
        Reason reason,
        uint64 effectiveAt
    ) external {
        bytes32 issuerId = _issuerOfActiveKey(msg.sender);
        _requireEffectiveDate(effectiveAt);
        _requireProvenOwnNotice(issuerId, leaf, root, index, size, path);
        _requireInForce(issuerId, leaf);
        _revocations[issuerId][leaf] = Revocation(uint64(block.timestamp), effectiveAt, reason);
        emit Revoked(issuerId, leaf, root, reason, effectiveAt, uint64(block.timestamp));
    }

    /// @notice Replaces one of the sender's authority's notices by another of its notices.
    /// @dev Both notices must be proven against roots anchored by the sender's authority, the sender must be
    ///      its current key, the old notice must be neither revoked nor superseded, and the replacement must
    ///      still be in force. The replacement may itself be superseded later, forming a chain.
    /// @param oldNotice The notice to replace, with its inclusion proof.
    /// @param newNotice The replacing notice, with its inclusion proof.
    /// @param reason Why the notice is replaced.
    /// @param effectiveAt When the replacement takes legal effect (unix seconds, 1 to `MAX_EFFECTIVE_AT`).
    function supersede(
        Inclusion calldata oldNotice,
        Inclusion calldata newNotice,
        Reason reason,
        uint64 effectiveAt
    ) external {
        bytes32 issuerId = _issuerOfActiveKey(msg.sender);
        _requireEffectiveDate(effectiveAt);
        if (oldNotice.leaf == newNotice.leaf) revert SupersededBySelf(oldNotice.leaf);
        _requireProvenOwnNotice(issuerId, oldNotice.leaf, oldNotice.root, oldNotice.index, oldNotice.size, oldNotice.path);
        _requireProvenOwnNotice(issuerId, newNotice.leaf, newNotice.root, newNotice.index, newNotice.size, newNotice.path);
        _requireInForce(issuerId, oldNotice.leaf);
        _requireInForce(issuerId, newNotice.leaf);
        _supersessions[issuerId][oldNotice.leaf] =
            Supersession(newNotice.leaf, newNotice.root, uint64(block.timestamp), effectiveAt, reason);
        emit Superseded(
            issuerId,
            oldNotice.leaf,
            newNotice.leaf,
            oldNotice.root,
            newNotice.root,
            reason,
            effectiveAt,
            uint64(block.timestamp)
        );
    }

    // ---------------------------------------------------------------------------------------------------
    // Views for verifiers
    // ---------------------------------------------------------------------------------------------------

    /// @notice The current governance address.
    /// @return The address allowed to manage authorities.
    function governance() external view returns (address) {
        return _governance;
    }

    /// @notice The proposed successor of governance, zero when none is proposed.
    /// @return The address that may call `acceptGovernance`.
    function pendingGovernance() external view returns (address) {
        return _pendingGovernance;
    }

    /// @notice An authority by id, with its whole key history.
    /// @param issuerId The authority's id.
    /// @return info The authority; `currentKey` is zero when the id was never registered.
    function getIssuer(bytes32 issuerId) external view returns (IssuerInfo memory info) {
        IssuerRecord storage issuer = _issuers[issuerId];
        info = IssuerInfo(issuer.name, issuer.currentKey, issuer.registeredAt, issuer.retiredAt, issuer.keys);
    }

    /// @notice A signing key: the authority it belongs to and the time window in which it could anchor.
    /// @param key The key.
    /// @return info The key; `issuerId` is zero when it was never registered.
    function getKey(address key) external view returns (KeyInfo memory info) {
        info = _keys[key];
    }

    /// @notice An anchored root: which authority and key anchored it, when, and the tree size.
    /// @param root The root hash.
    /// @return info The anchor; `key` is zero when the root was never anchored.
    function getAnchor(bytes32 root) external view returns (AnchorInfo memory info) {
        AnchorRecord storage record = _anchors[root];
        // The zero key is never registered, so an unknown root reads as issuer id zero too.
        info = AnchorInfo(_keys[record.key].issuerId, record.key, record.size, record.anchoredAt, record.blockNumber);
    }

    /// @notice The revocation of notice `leaf` by authority `issuerId`.
    /// @dev Revocations are kept per authority: look them up with the authority that anchored the notice's root.
    /// @param issuerId The authority that anchored the notice.
    /// @param leaf The notice's leaf hash.
    /// @return revocation The revocation; `effectiveAt` is zero when the notice is not revoked.
    function getRevocation(bytes32 issuerId, bytes32 leaf) external view returns (Revocation memory revocation) {
        revocation = _revocations[issuerId][leaf];
    }

    /// @notice The supersession of notice `leaf` by authority `issuerId`.
    /// @dev Supersessions are kept per authority: look them up with the authority that anchored the notice's root.
    /// @param issuerId The authority that anchored the notice.
    /// @param leaf The notice's leaf hash.
    /// @return supersession The supersession; `effectiveAt` is zero when the notice is not superseded.
    function getSupersession(bytes32 issuerId, bytes32 leaf) external view returns (Supersession memory supersession) {
        supersession = _supersessions[issuerId][leaf];
    }

    /// @notice Checks an RFC 9162 inclusion proof (section 2.1.3.2) with the sha256 precompile.
    /// @dev Says nothing about whether `root` is anchored; combine with `getAnchor`. Never reverts on a bad
    ///      proof: an index not below the size, a path longer than `MAX_PATH_LENGTH` or of the wrong length
    ///      for the tree, or a wrong hash all give false.
    /// @param leaf The leaf hash SHA-256(0x00 || salt || digest).
    /// @param index The leaf's position in the tree.
    /// @param size The tree size.
    /// @param path The audit path, bottom to top.
    /// @param root The expected root hash.
    /// @return True when the path leads from `leaf` at `index` in a tree of `size` leaves to `root`.
    function verifyInclusion(
        bytes32 leaf,
        uint64 index,
        uint64 size,
        bytes32[] calldata path,
        bytes32 root
    ) external view returns (bool) {
        return path.length <= MAX_PATH_LENGTH && _verifyInclusion(leaf, index, size, path, root);
    }

    // ---------------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------------

    function _claimKey(address key, bytes32 issuerId) private {
        if (key == address(0)) revert ZeroKey();
        KeyInfo storage info = _keys[key];
        if (info.issuerId != bytes32(0)) revert KeyAlreadyUsed(key, info.issuerId);
        info.issuerId = issuerId;
        info.validFrom = uint64(block.timestamp);
    }

    function _activeIssuer(bytes32 issuerId) private view returns (IssuerRecord storage issuer) {
        issuer = _issuers[issuerId];
        if (issuer.currentKey == address(0)) revert UnknownIssuer(issuerId);
        if (issuer.retiredAt != 0) revert IssuerIsRetired(issuerId, issuer.retiredAt);
    }

    /// @dev Block times grow from genesis, so any block holding a transaction has a time above 0 and
    ///      `retiredAt != 0` means retired.
    function _issuerOfActiveKey(address key) private view returns (bytes32 issuerId) {
        issuerId = _keys[key].issuerId;
        if (issuerId == bytes32(0)) revert UnknownKey(key);
        IssuerRecord storage issuer = _issuers[issuerId];
        if (issuer.retiredAt != 0) revert IssuerIsRetired(issuerId, issuer.retiredAt);
        if (issuer.currentKey != key) revert KeyRotatedOut(key, issuerId, _keys[key].validUntil);
    }

    function _requireEffectiveDate(uint64 effectiveAt) private pure {
        if (effectiveAt == 0 || effectiveAt > MAX_EFFECTIVE_AT) {
            revert EffectiveDateOutOfRange(effectiveAt, MAX_EFFECTIVE_AT);
        }
    }

    function _requireProvenOwnNotice(
        bytes32 issuerId,
        bytes32 leaf,
        bytes32 root,
        uint64 index,
        uint64 size,
        bytes32[] calldata path
    ) private view {
        AnchorRecord storage record = _anchors[root];
        address anchorKey = record.key;
        if (anchorKey == address(0)) revert RootNotAnchored(root);
        bytes32 rootIssuerId = _keys[anchorKey].issuerId;
        if (rootIssuerId != issuerId) revert NotRootIssuer(root, rootIssuerId, issuerId);
        uint64 anchoredSize = record.size;
        if (size != anchoredSize) revert TreeSizeMismatch(root, anchoredSize, size);
        if (index >= size) revert IndexOutOfRange(index, size);
        if (path.length > MAX_PATH_LENGTH) revert ProofTooLong(path.length, MAX_PATH_LENGTH);
        if (!_verifyInclusion(leaf, index, size, path, root)) revert InvalidProof(leaf, root, index);
    }

    function _requireInForce(bytes32 issuerId, bytes32 leaf) private view {
        if (_revocations[issuerId][leaf].effectiveAt != 0) revert NoticeAlreadyRevoked(issuerId, leaf);
        if (_supersessions[issuerId][leaf].effectiveAt != 0) revert NoticeAlreadySuperseded(issuerId, leaf);
    }

    /// @dev RFC 9162 section 2.1.3.2, step by step: fn is the leaf index and sn the last index; at each level
    ///      the path element is the left sibling when fn is odd or the node is the last of its level (fn == sn),
    ///      and then levels where the node is a lone rightmost child are skipped. The path must be used up
    ///      exactly when sn reaches 0. Each element shifts sn right at least once, so a uint64 size ends the
    ///      loop after at most 64 elements whatever the path length.
    function _verifyInclusion(
        bytes32 leaf,
        uint64 index,
        uint64 size,
        bytes32[] calldata path,
        bytes32 root
    ) private view returns (bool) {
        if (index >= size) return false;
        uint256 fn = index;
        uint256 sn = uint256(size) - 1;
        bytes32 r = leaf;
        uint256 length = path.length;
        for (uint256 i = 0; i < length; ) {
            if (sn == 0) return false;
            bytes32 p = path[i];
            if ((fn & 1) == 1 || fn == sn) {
                r = _hashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = _hashChildren(r, p);
            }
            fn >>= 1;
            sn >>= 1;
            unchecked {
                ++i;
            }
        }
        return sn == 0 && r == root;
    }

    /// @dev SHA-256(0x01 || left || right) through the sha256 precompile (address 2), written at the free
    ///      memory pointer without moving it, so proof checking does not grow memory level by level.
    function _hashChildren(bytes32 left, bytes32 right) private view returns (bytes32 node) {
        assembly ("memory-safe") {
            let buffer := mload(0x40)
            mstore8(buffer, 0x01)
            mstore(add(buffer, 0x01), left)
            mstore(add(buffer, 0x21), right)
            if iszero(staticcall(gas(), 0x02, buffer, 0x41, 0x00, 0x20)) {
                revert(0x00, 0x00)
            }
            node := mload(0x00)
        }
    }
}
