using System.Text.Json;

namespace Verdict.Arena.Tests.Server;

/// <summary>A chat request as the server received it.</summary>
public sealed record ChatCall(string Model, string System, string User, JsonElement Body)
{
    /// <summary>True when the request asked for a stream of server-sent events.</summary>
    public bool Streaming { get; init; }

    public double? Temperature => Body.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;

    public long? Seed => Body.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
}
