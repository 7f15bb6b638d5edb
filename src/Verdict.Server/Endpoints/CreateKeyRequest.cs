namespace Verdict.Server.Endpoints;

/// <summary>The body of <c>POST /api/v1/keys</c>: the role and the holder's name.</summary>
public sealed record CreateKeyRequest(string? Role, string? Name);
