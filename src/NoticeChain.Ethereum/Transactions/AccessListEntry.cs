using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage slots the transaction declares it will touch.</summary>
/// <remarks>
/// Access lists are optional gas optimisations; NoticeChain sends empty ones, but decoding a transaction
/// from elsewhere must understand them, and re-encoding must reproduce them byte for byte.
/// Encoded as <c>[address, [storageKey, ...]]</c> with 20-byte addresses and 32-byte keys.
/// </remarks>
public sealed class AccessListEntry
{
    /// <summary>Size of a storage key in bytes.</summary>
    public const int StorageKeySize = 32;

    /// <summary>Creates an entry. The keys are copied.</summary>
    /// <exception cref="ArgumentException">A storage key is not 32 bytes.</exception>
    public AccessListEntry(Address address, IEnumerable<ReadOnlyMemory<byte>> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        Address = address;
        var keys = new List<ReadOnlyMemory<byte>>();
        foreach (var key in storageKeys)
        {
            if (key.Length != StorageKeySize)
            {
                throw new ArgumentException($"Every storage key must be {StorageKeySize} bytes, found {key.Length}.", nameof(storageKeys));
            }

            keys.Add(key.ToArray());
        }

        StorageKeys = keys.AsReadOnly();
    }

    /// <summary>The accessed account.</summary>
    public Address Address { get; }

    /// <summary>The accessed storage slots, 32 bytes each.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> StorageKeys { get; }

    /// <summary>Encodes a whole access list as an RLP list item.</summary>
    internal static RlpItem ToRlp(IReadOnlyList<AccessListEntry> accessList)
    {
        var entries = new RlpItem[accessList.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = accessList[i];
            var keys = entry.StorageKeys.Select(key => RlpItem.FromBytes(key.Span));
            entries[i] = RlpItem.List(TransactionFields.To(entry.Address), RlpItem.List(keys));
        }

        return RlpItem.List(entries);
    }

    /// <summary>Decodes an access list, checking every entry's shape and sizes.</summary>
    /// <exception cref="InvalidTransactionException">The item does not have the access list shape.</exception>
    internal static IReadOnlyList<AccessListEntry> FromRlp(RlpItem item)
    {
        if (!item.IsList)
        {
            throw new InvalidTransactionException("Field 'accessList' must be a list.");
        }

        var entries = new List<AccessListEntry>(item.Items.Count);
        foreach (var entry in item.Items)
        {
            if (!entry.IsList || entry.Items.Count != 2)
            {
                throw new InvalidTransactionException("An access list entry must be a list of [address, storageKeys].");
            }

            var address = entry.Items[0];
            if (address.IsList || address.Bytes.Length != Address.Size)
            {
                throw new InvalidTransactionException($"An access list address must be {Address.Size} bytes.");
            }

            var keys = entry.Items[1];
            if (!keys.IsList)
            {
                throw new InvalidTransactionException("An access list entry's storage keys must be a list.");
            }

            foreach (var key in keys.Items)
            {
                if (key.IsList || key.Bytes.Length != StorageKeySize)
                {
                    throw new InvalidTransactionException($"An access list storage key must be {StorageKeySize} bytes.");
                }
            }

            entries.Add(new AccessListEntry(new Address(address.Bytes.Span), keys.Items.Select(key => key.Bytes)));
        }

        return entries.AsReadOnly();
    }
}
