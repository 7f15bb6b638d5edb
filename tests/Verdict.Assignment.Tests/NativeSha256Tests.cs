using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;
using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Tests;

public sealed class NativeSha256Tests
{
    [Fact]
    public void IsAvailable_OnLinux_LoadsLibcrypto()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("VERDICT_ASSIGNMENT_MANAGED_SHA256") != "1", "libcrypto is only looked for on Linux");
        Assert.True(NativeSha256.IsAvailable);
    }

    [Fact]
    public void Hash64_EveryLengthAroundBlockBoundaries_MatchesBcl()
    {
        Assert.SkipUnless(NativeSha256.IsAvailable, "no libcrypto");
        var bytes = Enumerable.Range(0, 512).Select(i => (byte)((i * 131) + 7)).ToArray();
        for (var length = 0; length <= bytes.Length; length++)
        {
            Assert.Equal(Bcl(bytes.AsSpan(0, length)), Native(bytes.AsSpan(0, length)));
        }
    }

    [Property(MaxTest = 300)]
    public void Hash64_AnyMessage_MatchesBcl(byte[] message)
    {
        if (!NativeSha256.IsAvailable)
        {
            return;
        }

        Assert.Equal(Bcl(message), Native(message));
    }

    private static unsafe ulong Native(ReadOnlySpan<byte> message)
    {
        var buffer = new byte[message.Length + NativeSha256.PaddingBytes];
        message.CopyTo(buffer);
        fixed (byte* pointer = buffer)
        {
            return NativeSha256.Hash64(pointer, message.Length);
        }
    }

    private static ulong Bcl(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(message));
}
