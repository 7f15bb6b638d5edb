using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Verdict.Assignment.Hashing;

/// <summary>
/// The byte-exact assignment hash (docs/assignment.md): SHA-256 over the UTF-8 bytes of <c>salt + ":" + unitId</c>;
/// the first 8 bytes of the digest, read as a big-endian unsigned integer, modulo <see cref="BucketCount"/>, give the
/// bucket. Any language with SHA-256 reproduces it.
/// </summary>
public static class AssignmentHash
{
    /// <summary>The number of buckets: one bucket is 0.01% of traffic.</summary>
    public const int BucketCount = 10_000;

    private const int StackBufferBytes = 320;

    /// <summary>Whether hashing goes through OpenSSL's direct SHA-256 (see <see cref="NativeSha256"/>); tests switch it off to check the BCL path.</summary>
    internal static bool UseNative { get; set; } = NativeSha256.IsAvailable;

    /// <summary>The bucket in [0, <see cref="BucketCount"/>) of <paramref name="unitId"/> under <paramref name="salt"/>.</summary>
    public static int Bucket(string salt, ReadOnlySpan<char> unitId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        return (int)(Hash64(SaltPrefix(salt), unitId) % BucketCount);
    }

    /// <summary>The first 8 digest bytes as a big-endian unsigned integer, before the modulo.</summary>
    public static ulong Hash64(string salt, ReadOnlySpan<char> unitId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        return Hash64(SaltPrefix(salt), unitId);
    }

    /// <summary>The UTF-8 bytes of <c>salt + ":"</c>, computed once per experiment so the hot path only encodes the unit.</summary>
    public static byte[] SaltPrefix(string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var bytes = new byte[Encoding.UTF8.GetByteCount(salt) + 1];
        Encoding.UTF8.GetBytes(salt, bytes);
        bytes[^1] = (byte)':';
        return bytes;
    }

    /// <summary>The bucket of <paramref name="unitId"/> given a precomputed <see cref="SaltPrefix"/>.</summary>
    public static int Bucket(ReadOnlySpan<byte> saltPrefix, ReadOnlySpan<char> unitId) =>
        (int)(Hash64(saltPrefix, unitId) % BucketCount);

    /// <summary>
    /// The 64-bit hash of <paramref name="unitId"/> given a precomputed <see cref="SaltPrefix"/>. Allocates nothing for
    /// ids up to about 70 characters (a pooled buffer beyond). Empty ids and ids that are not valid UTF-16 (lone
    /// surrogates, which have no UTF-8 form) are caller mistakes.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe ulong Hash64(ReadOnlySpan<byte> saltPrefix, ReadOnlySpan<char> unitId)
    {
        if (unitId.IsEmpty)
        {
            throw new ArgumentException("The unit id must not be empty.", nameof(unitId));
        }

        var maxBytes = saltPrefix.Length + (unitId.Length * 3) + NativeSha256.PaddingBytes;
        if (maxBytes > StackBufferBytes)
        {
            return Hash64Pooled(saltPrefix, unitId, maxBytes);
        }

        var buffer = stackalloc byte[StackBufferBytes];
        var length = Encode(saltPrefix, unitId, new Span<byte>(buffer, StackBufferBytes));
        return UseNative ? NativeSha256.Hash64(buffer, length) : HashWithBcl(new ReadOnlySpan<byte>(buffer, length));
    }

    private static unsafe ulong Hash64Pooled(ReadOnlySpan<byte> saltPrefix, ReadOnlySpan<char> unitId, int maxBytes)
    {
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = Encode(saltPrefix, unitId, rented);
            if (!UseNative)
            {
                return HashWithBcl(rented.AsSpan(0, length));
            }

            fixed (byte* buffer = rented)
            {
                return NativeSha256.Hash64(buffer, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes <c>saltPrefix ‖ UTF-8(unitId)</c> to <paramref name="buffer"/> and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Encode(ReadOnlySpan<byte> saltPrefix, ReadOnlySpan<char> unitId, Span<byte> buffer)
    {
        saltPrefix.CopyTo(buffer);
        if (Utf8.FromUtf16(unitId, buffer[saltPrefix.Length..], out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ArgumentException("The unit id is not valid UTF-16 (a lone surrogate has no UTF-8 form).", nameof(unitId));
        }

        return saltPrefix.Length + written;
    }

    [SkipLocalsInit]
    private static ulong HashWithBcl(ReadOnlySpan<byte> message)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(message, digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>
    /// A fraction of traffic in whole buckets: round(fraction × 10 000), halves to even (Python's <c>round</c>).
    /// </summary>
    public static int ToBuckets(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must lie in [0, 1]");
        }

        return (int)Math.Round(fraction * BucketCount, MidpointRounding.ToEven);
    }
}
