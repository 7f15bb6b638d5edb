using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verdict.Assignment.Hashing;

/// <summary>
/// The first 8 bytes of SHA-256 through OpenSSL's block function <c>SHA256_Transform</c> when the process can load
/// libcrypto (Linux). It runs OpenSSL's SHA-NI code with no per-call EVP context, which is what
/// <see cref="System.Security.Cryptography.SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> creates and frees and
/// which costs several times the hash itself for 30-byte messages. Padding is FIPS 180-4 §5.1.1 and the state starts
/// at the §5.3.3 initial hash value, so the digest is SHA-256's; the pinned vectors check this path and the BCL's.
/// </summary>
internal static unsafe class NativeSha256
{
    /// <summary>The room <see cref="Hash64"/> needs after the message for its padding.</summary>
    public const int PaddingBytes = 72;

    // SHA256_CTX begins with the eight 32-bit words of the state (h0 … h7) in OpenSSL 1.1 and 3.x; 112 bytes in all.
    private const int ContextBytes = 256;

    private static readonly uint[] InitialHash =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, void> Transform;

    static NativeSha256()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("VERDICT_ASSIGNMENT_MANAGED_SHA256") == "1")
        {
            return;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "SHA256_Transform", out var transform))
            {
                Transform = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, void>)transform;
                IsAvailable = true;
                return;
            }
        }
    }

    /// <summary>True when libcrypto's SHA-256 block function was found.</summary>
    public static bool IsAvailable { get; }

    /// <summary>
    /// The first 8 digest bytes of SHA-256 of the <paramref name="length"/> bytes at <paramref name="buffer"/>, as a
    /// big-endian integer. Pads in place, so the buffer needs <see cref="PaddingBytes"/> bytes of room after them.
    /// </summary>
    [SkipLocalsInit]
    public static ulong Hash64(byte* buffer, int length)
    {
        // Padding: the message, 0x80, zeros, then the bit length as a big-endian 64-bit integer, to a multiple of 64.
        var blocks = ((length + 8) / 64) + 1;
        var padded = new Span<byte>(buffer, blocks * 64);
        padded[length] = 0x80;
        padded[(length + 1)..^8].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(padded[^8..], (ulong)length * 8);

        var context = stackalloc byte[ContextBytes];
        var state = (uint*)context;
        for (var i = 0; i < 8; i++)
        {
            state[i] = InitialHash[i];
        }

        for (var block = 0; block < blocks; block++)
        {
            Transform(context, buffer + (block * 64));
        }

        return ((ulong)state[0] << 32) | state[1];
    }
}
