using System.Numerics;
using NoticeChain.Chain.Events;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

// The registry's views: one eth_call each, at the latest block unless a block is given (a follower reads the
// state as of the block it has indexed). "Not found" is null, because the contract answers zeroed structs.
public sealed partial class NoticeRegistryClient
{
    /// <summary>The current governance address.</summary>
    public async Task<Address> GetGovernanceAsync(BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.Governance, block, cancellationToken).ConfigureAwait(false);
        return output.Get<Address>(0);
    }

    /// <summary>The proposed successor of governance; the zero address when none is proposed.</summary>
    public async Task<Address> GetPendingGovernanceAsync(BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.PendingGovernance, block, cancellationToken).ConfigureAwait(false);
        return output.Get<Address>(0);
    }

    /// <summary>An authority by id, with its key history; null when the id was never registered.</summary>
    public async Task<IssuerInfo?> GetIssuerAsync(IssuerId issuerId, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.GetIssuer, block, cancellationToken, issuerId.ToArray()).ConfigureAwait(false);
        var info = output.Get<object?[]>(0);
        var currentKey = (Address)info[1]!;
        if (currentKey.IsZero)
        {
            return null;
        }

        return new IssuerInfo(
            issuerId,
            (string)info[0]!,
            currentKey,
            UnixTime.FromSeconds((BigInteger)info[2]!),
            UnixTime.FromSecondsOrNull((BigInteger)info[3]!),
            [.. ((object?[])info[4]!).Cast<Address>()]);
    }

    /// <summary>A signing key: its authority and validity window; null when the key was never registered.</summary>
    public async Task<IssuerKeyInfo?> GetKeyAsync(Address key, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.GetKey, block, cancellationToken, key).ConfigureAwait(false);
        var info = output.Get<object?[]>(0);
        var issuerId = new IssuerId((byte[])info[0]!);
        if (issuerId.IsZero)
        {
            return null;
        }

        return new IssuerKeyInfo(
            key,
            issuerId,
            UnixTime.FromSeconds((BigInteger)info[1]!),
            UnixTime.FromSecondsOrNull((BigInteger)info[2]!));
    }

    /// <summary>An anchored root: authority, key, size and time; null when the root was never anchored.</summary>
    public async Task<AnchorInfo?> GetAnchorAsync(MerkleHash root, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.GetAnchor, block, cancellationToken, root.ToArray()).ConfigureAwait(false);
        var info = output.Get<object?[]>(0);
        var key = (Address)info[1]!;
        if (key.IsZero)
        {
            return null;
        }

        return new AnchorInfo(
            root,
            new IssuerId((byte[])info[0]!),
            key,
            (ulong)(BigInteger)info[2]!,
            UnixTime.FromSeconds((BigInteger)info[3]!),
            (ulong)(BigInteger)info[4]!);
    }

    /// <summary>The revocation of <paramref name="leaf"/> by authority <paramref name="issuerId"/>; null when not revoked.</summary>
    /// <remarks>Revocations are kept per authority: ask with the authority that anchored the notice's root (<see cref="AnchorInfo.IssuerId"/>).</remarks>
    public async Task<RevocationInfo?> GetRevocationAsync(
        IssuerId issuerId, MerkleHash leaf, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.GetRevocation, block, cancellationToken, issuerId.ToArray(), leaf.ToArray())
            .ConfigureAwait(false);
        var info = output.Get<object?[]>(0);
        var effectiveAt = (BigInteger)info[1]!;
        if (effectiveAt.IsZero)
        {
            return null;
        }

        return new RevocationInfo(
            issuerId,
            leaf,
            RegistryEventDecoder.ReasonOf((BigInteger)info[2]!),
            UnixTime.FromSeconds(effectiveAt),
            UnixTime.FromSeconds((BigInteger)info[0]!));
    }

    /// <summary>The supersession of <paramref name="leaf"/> by authority <paramref name="issuerId"/>; null when not superseded.</summary>
    /// <remarks>Supersessions are kept per authority: ask with the authority that anchored the notice's root.</remarks>
    public async Task<SupersessionInfo?> GetSupersessionAsync(
        IssuerId issuerId, MerkleHash leaf, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        var output = await CallAsync(NoticeRegistryAbi.GetSupersession, block, cancellationToken, issuerId.ToArray(), leaf.ToArray())
            .ConfigureAwait(false);
        var info = output.Get<object?[]>(0);
        var effectiveAt = (BigInteger)info[3]!;
        if (effectiveAt.IsZero)
        {
            return null;
        }

        return new SupersessionInfo(
            issuerId,
            leaf,
            new MerkleHash((byte[])info[0]!),
            new MerkleHash((byte[])info[1]!),
            RegistryEventDecoder.ReasonOf((BigInteger)info[4]!),
            UnixTime.FromSeconds(effectiveAt),
            UnixTime.FromSeconds((BigInteger)info[2]!));
    }

    /// <summary>Checks an RFC 9162 inclusion proof on chain (<c>verifyInclusion</c>), with one <c>eth_call</c>.</summary>
    /// <remarks>
    /// Says only whether the path leads from the leaf to <paramref name="root"/>; whether the root is anchored, by
    /// whom and with which size is <see cref="GetAnchorAsync"/>'s answer. The contract answers false for any
    /// malformed proof, including paths longer than <see cref="NoticeRegistryAbi.MaxPathLength"/>.
    /// </remarks>
    public async Task<bool> VerifyInclusionAsync(
        MerkleHash leaf, InclusionProof proof, MerkleHash root, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var output = await CallAsync(
            NoticeRegistryAbi.VerifyInclusion,
            block,
            cancellationToken,
            leaf.ToArray(),
            proof.LeafIndex,
            proof.TreeSize,
            PathOf(proof),
            root.ToArray()).ConfigureAwait(false);
        return output.Get<bool>(0);
    }

    private async Task<AbiNamedValues> CallAsync(
        AbiFunction function, BlockParameter block, CancellationToken cancellationToken, params object?[] arguments)
    {
        var call = new CallRequest { To = Address, Data = function.EncodeCall(arguments) };
        byte[] output;
        try
        {
            output = await Rpc.CallAsync(call, block, cancellationToken).ConfigureAwait(false);
        }
        catch (EthRpcException error) when (IsRevert(error))
        {
            throw RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, error);
        }

        if (output.Length == 0)
        {
            throw new InvalidOperationException($"No NoticeRegistry at {Address}: {function.Name} returned no data.");
        }

        return function.DecodeOutput(output);
    }
}
