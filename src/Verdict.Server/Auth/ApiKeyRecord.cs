namespace Verdict.Server.Auth;

/// <summary>A stored key: id, role, the holder's name, the SHA-256 of its text, and when it was created or revoked.</summary>
public sealed record ApiKeyRecord(string Id, ApiKeyRole Role, string Name, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
