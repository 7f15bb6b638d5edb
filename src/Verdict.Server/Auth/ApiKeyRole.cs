namespace Verdict.Server.Auth;

/// <summary>What an API key may do (docs/server.md, "Keys and roles").</summary>
public enum ApiKeyRole
{
    /// <summary>Read config, assign, send events: what an SDK needs and nothing else.</summary>
    Sdk,

    /// <summary>Read experiments, results and the audit log; change nothing.</summary>
    Read,

    /// <summary>Everything: also create and change experiments and keys.</summary>
    Admin,
}
