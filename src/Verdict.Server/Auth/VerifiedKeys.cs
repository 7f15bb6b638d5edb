using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Verdict.Server.Auth;

/// <summary>
/// Remembers, per key id, the last key text whose SHA-256 matched that key's record, so a client's next requests with the
/// same key are checked by a constant-time comparison with that text instead of hashing again. An entry counts only
/// while the registry still holds the very record it was verified against: the registry replaces every record on any key
/// change (a revocation included), which makes every entry re-verify. At most one entry per key that exists.
/// </summary>
internal sealed class VerifiedKeys
{
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, string Text)> byId = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/> is the key of <paramref name="record"/> (whose id is <paramref name="id"/>).</summary>
    public bool Matches(string id, string text, ApiKeyRecord record)
    {
        if (byId.TryGetValue(id, out var known) && ReferenceEquals(known.Record, record))
        {
            if (CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(text.AsSpan()), MemoryMarshal.AsBytes(known.Text.AsSpan())))
            {
                return true;
            }
        }

        if (!ApiKeyText.Matches(text, record.Hash))
        {
            return false;
        }

        byId[id] = (record, text);
        return true;
    }
}
