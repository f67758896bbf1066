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
        // A canonical encoding has no unreferenced bytes (padding is checked too), so every cut removes something read.
        var random = new AbiRandomValues(seed: 1559);
        int checkedCount = 0;
        while (checkedCount < 100)
        {
            var types = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiEncoder.Encode(types, types.Select(random.NextValue).ToArray());
            if (encoded.Length == 0 || encoded.Length > 1024)
            {
                continue;
            }

            for (int length = 0; length < encoded.Length; length++)
            {
                var truncated = encoded[..length];

                Assert.Throws<AbiException>(() => AbiDecoder.Decode(types, truncated));
            }

            checkedCount++;
        }
    }

    [Fact]
    public void Bytes_appended_after_an_encoding_do_not_change_the_values()
    {
        var random = new AbiRandomValues(seed: 2930);
        for (int i = 0; i < Iterations; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.NextType()).ToArray();
            var values = types.Select(random.NextValue).ToArray();
            byte[] extended = [.. AbiEncoder.Encode(types, values), .. random.NextBytes(1 + random.Next(96))];

            AbiTestValues.AssertAbiEqual(values, AbiDecoder.Decode(types, extended));
        }
    }

    [Fact]
    public void Every_offset_or_length_word_pointing_beyond_the_data_is_rejected()
    {
        var random = new AbiRandomValues(seed: 7914);
        int corruptedWords = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiEncoder.Encode(types, types.Select(random.NextValue).ToArray());

            foreach (int position in AbiPointerWords.Find(types, encoded))
            {
                foreach (var badWord in BeyondTheData(encoded.Length))
                {
                    var corrupted = (byte[])encoded.Clone();
                    badWord.CopyTo(corrupted, position);

                    Assert.Throws<AbiException>(() => AbiDecoder.Decode(types, corrupted));
                    corruptedWords++;
                }
            }
        }

        Assert.True(corruptedWords > 1000, $"only {corruptedWords} pointer words were corrupted");
    }

    [Fact]
    public void An_offset_or_length_word_moved_within_the_data_either_decodes_or_raises_AbiException()
    {
        var random = new AbiRandomValues(seed: 4844);
        for (int i = 0; i < Iterations; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiEncoder.Encode(types, types.Select(random.NextValue).ToArray());

            foreach (int position in AbiPointerWords.Find(types, encoded))
            {
                var corrupted = (byte[])encoded.Clone();
                AbiTestValues.Word(random.Next(encoded.Length + 1)).CopyTo(corrupted, position);

                try
                {
                    AbiDecoder.Decode(types, corrupted);
                }
                catch (AbiException)
                {
                    // Legal: an in-range offset may land on bytes that do not decode as the type.
                }
            }
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

    // Offsets and lengths that cannot fit: just past what the data and the decoding budget allow, and huge words.
    private static IEnumerable<byte[]> BeyondTheData(int dataLength)
    {
        yield return AbiTestValues.Word(dataLength + 1025);
        yield return AbiTestValues.Word(int.MaxValue);
        yield return AbiTestValues.Word(1L << 32);
        var huge = new byte[32];
        huge[0] = 0x80;
        yield return huge;
        yield return Enumerable.Repeat((byte)0xff, 32).ToArray();
    }
}
