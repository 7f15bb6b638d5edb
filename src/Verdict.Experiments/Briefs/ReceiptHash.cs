using System.Security.Cryptography;
using System.Text;

namespace Verdict.Experiments.Briefs;

/// <summary>
/// The receipt hash events carry: lowercase hex of the first 8 bytes of SHA-256 over the flattened receipt
/// ("path=value" lines in ordinal order, each ending in "\n", UTF-8). Documented in docs/events.md.
/// </summary>
public static class ReceiptHash
{
    /// <summary>The hash of <paramref name="receipt"/>.</summary>
    public static string Of(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var text = new StringBuilder();
        foreach (var (path, value) in receipt.Flatten())
        {
            text.Append(path).Append('=').Append(value).Append('\n');
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }
}
