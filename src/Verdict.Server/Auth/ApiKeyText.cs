using System.Security.Cryptography;
using System.Text;

namespace Verdict.Server.Auth;

/// <summary>
/// The text of an API key, <c>vk_{id}.{secret}</c>: a 12-hex-digit id that names the key in logs and the audit log, and
/// 32 random bytes (base64url) that are shown once and stored only as their SHA-256.
/// </summary>
public static class ApiKeyText
{
    private const string Prefix = "vk_";

    /// <summary>A new key: its id, the full text to give the user, and the hash to store.</summary>
    public static (string Id, string Text, string Hash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var text = $"{Prefix}{id}.{secret}";
        return (id, text, Hash(text));
    }

    /// <summary>The stored form of a key's text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The id of a well-formed key text, or null.</summary>
    public static string? IdOf(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length < Prefix.Length + 13 || text[Prefix.Length + 12] != '.')
        {
            return null;
        }

        return text.Slice(Prefix.Length, 12).ToString();
    }

    /// <summary>True when <paramref name="text"/> hashes to <paramref name="storedHash"/> (constant time).</summary>
    public static bool Matches(string text, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(text)), Encoding.ASCII.GetBytes(storedHash));
}
