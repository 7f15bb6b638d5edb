using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verdict.Assignment;

/// <summary>
/// SHA-256 through OpenSSL's direct <c>SHA256_Init/Update/Final</c> when the process can load libcrypto (Linux),
/// which runs the SHA-NI code path without the per-call EVP context that <see cref="System.Security.Cryptography.SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// creates and frees; that context costs several times the hash itself for 30-byte inputs. The digest is the same
/// SHA-256 (the pinned vectors check both paths); elsewhere the BCL is used.
/// </summary>
internal static unsafe class NativeSha256
{
    // SHA256_CTX is 112 bytes in OpenSSL 1.1 and 3.x; the buffer leaves room.
    private const int ContextBytes = 256;

    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> Init;
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> Update;
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> Final;

    static NativeSha256()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("VERDICT_ASSIGNMENT_MANAGED_SHA256") == "1")
        {
            return;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                Init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
                Update = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
                Final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
                IsAvailable = true;
                return;
            }
        }
    }

    /// <summary>True when libcrypto's direct SHA-256 functions were found.</summary>
    public static bool IsAvailable { get; }

    /// <summary>Writes SHA-256(<paramref name="data"/>) to the 32 bytes of <paramref name="digest"/>.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var context = stackalloc byte[ContextBytes];
        fixed (byte* input = data)
        fixed (byte* output = digest)
        {
            if (Init(context) != 1 || Update(context, input, (nuint)data.Length) != 1 || Final(output, context) != 1)
            {
                throw new InvalidOperationException("OpenSSL SHA-256 failed.");
            }
        }
    }
}
