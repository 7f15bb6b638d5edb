using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The dashboard's sessions, in memory: opened with an admin or read key, found by the random id in the cookie, ended
/// by logout, by their lifetime (measured on the server's <see cref="TimeProvider"/>) or by the key's revocation.
/// Bounded: past <see cref="MaxSessions"/> the oldest sessions are dropped.
/// </summary>
public sealed class SessionStore(Registry registry, TimeProvider time, TimeSpan lifetime)
{
    /// <summary>The most sessions kept at once.</summary>
    public const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, DashboardSession> sessions = new(StringComparer.Ordinal);

    /// <summary>How long a session lasts after login.</summary>
    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>Opens a session for <paramref name="keyText"/>: 401 for an unknown or revoked key, 403 for an sdk key.</summary>
    public LoginResult Login(string? keyText)
    {
        var key = keyText?.Trim();
        var record = !string.IsNullOrEmpty(key) && ApiKeyText.IdOf(key) is { } id && registry.KeysById.TryGetValue(id, out var found)
            && found.RevokedAt is null && ApiKeyText.Matches(key, found.Hash) ? found : null;
        if (record is null)
        {
            return new LoginResult(null, 401, "That key is unknown or revoked.");
        }

        if (record.Role is not (ApiKeyRole.Admin or ApiKeyRole.Read))
        {
            return new LoginResult(null, 403, $"A {ControlPlaneStore.Name(record.Role)} key cannot open the dashboard; use an admin or read key.");
        }

        Prune();
        var session = new DashboardSession(Token(), record.Id, record.Name, record.Role, Token(), time.GetUtcNow() + Lifetime);
        sessions[session.Id] = session;
        return new LoginResult(session, 200, null);
    }

    /// <summary>The live session with this id, or null (unknown, expired, or its key was revoked).</summary>
    public DashboardSession? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        var keyLive = registry.KeysById.TryGetValue(session.KeyId, out var key) && key.RevokedAt is null;
        if (!keyLive || time.GetUtcNow() >= session.ExpiresAt)
        {
            sessions.TryRemove(id, out _);
            return null;
        }

        return session;
    }

    /// <summary>Ends a session.</summary>
    public void Logout(string id) => sessions.TryRemove(id, out _);

    /// <summary>True when <paramref name="presented"/> is the session's CSRF token (constant time).</summary>
    public static bool CsrfMatches(DashboardSession session, string? presented)
    {
        ArgumentNullException.ThrowIfNull(session);
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(session.CsrfToken), Encoding.UTF8.GetBytes(presented));
    }

    /// <summary>32 random bytes, base64url.</summary>
    public static string Token() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in sessions)
        {
            if (now >= session.ExpiresAt)
            {
                sessions.TryRemove(id, out _);
            }
        }

        foreach (var session in sessions.Values.OrderBy(s => s.ExpiresAt).Take(Math.Max(0, sessions.Count - MaxSessions + 1)))
        {
            sessions.TryRemove(session.Id, out _);
        }
    }
}
