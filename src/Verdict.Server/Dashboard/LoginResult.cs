namespace Verdict.Server.Dashboard;

/// <summary>The outcome of a dashboard login: the session, or the HTTP status and why not.</summary>
public sealed record LoginResult(DashboardSession? Session, int Status, string? Error);
