using System.Text.Json.Nodes;

namespace Verdict.Experiments.Locking;

/// <summary>
/// The lock written beside a brief by <c>verdict plan</c>: which experiment and version, the salt it assigns with,
/// and the SHA-256 of its canonical form. Exposure and stage are recorded but not hashed: the ramp changes them.
/// <paramref name="Plan"/> is the canonical JSON that was hashed (absent in locks written before it was recorded), so
/// a later change to the brief can be named field by field.
/// </summary>
public sealed record BriefLock(string Key, int Version, string Salt, string Hash, string Algorithm, double Exposure, string Stage, JsonObject? Plan = null)
{
    /// <summary>The hashing scheme this version of Verdict writes.</summary>
    public const string CurrentAlgorithm = "sha256/canonical-json/v1";

    /// <inheritdoc />
    public bool Equals(BriefLock? other) =>
        other is not null && Key == other.Key && Version == other.Version && Salt == other.Salt && Hash == other.Hash
        && Algorithm == other.Algorithm && Exposure.Equals(other.Exposure) && Stage == other.Stage && JsonNode.DeepEquals(Plan, other.Plan);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Version, Hash, Algorithm);
}
