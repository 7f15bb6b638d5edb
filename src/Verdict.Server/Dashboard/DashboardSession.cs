using Verdict.Server.Auth;

namespace Verdict.Server.Dashboard;

/// <summary>
/// A logged-in dashboard user, kept on the server: the random id the cookie carries (never the key), the key it was
/// opened with (by id, so a revoked key ends it), the role, the CSRF token its forms carry, and when it expires.
/// </summary>
public sealed record DashboardSession(string Id, string KeyId, string Name, ApiKeyRole Role, string CsrfToken, DateTimeOffset ExpiresAt)
{
    /// <summary>"name (vk_id)", as the audit log records who acted (the same form as the API's).</summary>
    public string Actor => $"{Name} (vk_{KeyId})";

    /// <summary>True for an admin session: only those see and may press the lifecycle buttons.</summary>
    public bool IsAdmin => Role == ApiKeyRole.Admin;
}
