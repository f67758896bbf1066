using NoticeChain.Ethereum.Abi;

namespace NoticeChain.Ethereum.Tests.Abi;

/// <summary>Properties of <see cref="AbiEncoder"/> and <see cref="AbiDecoder"/> together, over seeded random types and values.</summary>
public class AbiCodecPropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void Encode_then_decode_returns_the_values_and_encodes_to_the_same_bytes()
    {
        var random = new AbiRandomValues(seed: 9162);
        for (int i = 0; i < Iterations; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => random.NextType()).ToArray();
            var values = types.Select(random.NextValue).ToArray();

            var encoded = AbiEncoder.Encode(types, values);
            var decoded = AbiDecoder.Decode(types, encoded);

            Assert.True(encoded.Length % 32 == 0, $"({string.Join(',', types.AsEnumerable())}) encoded to {encoded.Length} bytes");
            AbiTestValues.AssertAbiEqual(values, decoded);
            Assert.Equal(encoded, AbiEncoder.Encode(types, decoded));
        }
    }

    [Fact]
    public void Canonical_names_of_random_types_parse_back_to_the_same_type()
    {
        var random = new AbiRandomValues(seed: 55);
        for (int i = 0; i < Iterations; i++)
        {
            var type = random.NextType();

            Assert.Equal(type, AbiType.Parse(type.CanonicalName));
        }
    }

    [Fact]
    public void Every_truncation_of_an_encoding_is_rejected()
    {
        var random = new AbiRandomValues(seed: 1559);
        int checkedCount = 0;
        while (checkedCount < 100)
        {
            var type = random.NextType();
            var value = random.NextValue(type);
            var encoded = AbiEncoder.Encode([type], [value]);
            if (encoded.Length == 0)
            {
                continue;
            }

            var truncated = encoded[..^(1 + random.Next(Math.Min(encoded.Length, 64)))];

            Assert.Throws<AbiException>(() => AbiDecoder.Decode([type], truncated));
            checkedCount++;
        }
    }

    [Fact]
    public void Corrupted_encodings_either_decode_or_raise_AbiException()
    {
        var random = new AbiRandomValues(seed: 155);
        for (int i = 0; i < Iterations; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiEncoder.Encode(types, types.Select(random.NextValue).ToArray());
            if (encoded.Length == 0)
            {
                continue;
            }

            for (int flips = 1 + random.Next(4); flips > 0; flips--)
            {
                encoded[random.Next(encoded.Length)] = random.Next(3) == 0 ? (byte)0xff : random.NextBytes(1)[0];
            }

            try
            {
                AbiDecoder.Decode(types, encoded);
            }
            catch (AbiException)
            {
                // The one failure a hostile input is allowed to cause.
            }
        }
    }
}
