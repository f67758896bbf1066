using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>Reads a QR code's dark and light modules back out of a PNG (RFC 2083 / PNG 1.2), for what the encoder
/// QRCoder's PNG writer produces: 8-bit-or-less greyscale, palette or RGB, not interlaced, filter type 0 rows.</summary>
/// <remarks>Deliberately small and independent of the encoder: it sees pixels, not QRCoder's data.</remarks>
internal static class PngModules
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(byte[] png) => png.AsSpan().StartsWith(Signature);

    /// <summary>The module grid: <c>true</c> for dark, sampled at the centre of each <paramref name="pixelsPerModule"/> square.</summary>
    public static bool[,] Read(byte[] png, int pixelsPerModule)
    {
        Assert.True(HasSignature(png), "Not a PNG.");
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    Assert.Equal(0, data[12]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        var channels = colorType switch { 0 or 3 => 1, 2 => 3, _ => throw new InvalidOperationException($"Colour type {colorType} is not read here.") };
        var bitsPerPixel = bitDepth * channels;
        var stride = ((width * bitsPerPixel) + 7) / 8;
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var pixels = inflated.ToArray();
        Assert.Equal(height * (stride + 1), pixels.Length);
        Assert.Equal(0, width % pixelsPerModule);
        var size = width / pixelsPerModule;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            var row = ((y * pixelsPerModule) + (pixelsPerModule / 2)) * (stride + 1);
            Assert.Equal(0, pixels[row]);
            for (var x = 0; x < size; x++)
            {
                var px = (x * pixelsPerModule) + (pixelsPerModule / 2);
                modules[y, x] = Luminance(pixels.AsSpan(row + 1, stride), px, bitDepth, colorType, palette) < 128;
            }
        }

        return modules;
    }

    private static int Luminance(ReadOnlySpan<byte> row, int x, int bitDepth, int colorType, byte[] palette)
    {
        if (colorType == 2)
        {
            return (row[x * 3] + row[(x * 3) + 1] + row[(x * 3) + 2]) / 3;
        }

        var bit = x * bitDepth;
        var value = (row[bit / 8] >> (8 - bitDepth - (bit % 8))) & ((1 << bitDepth) - 1);
        if (colorType == 3)
        {
            return (palette[value * 3] + palette[(value * 3) + 1] + palette[(value * 3) + 2]) / 3;
        }

        return value * 255 / ((1 << bitDepth) - 1);
    }
}
