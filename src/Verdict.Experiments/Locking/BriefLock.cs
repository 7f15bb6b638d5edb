namespace Verdict.Experiments;

/// <summary>
/// The lock written beside a brief by <c>verdict plan</c>: which experiment and version, the salt it assigns with,
/// and the SHA-256 of its canonical form. Exposure and stage are recorded but not hashed: the ramp changes them.
/// </summary>
public sealed record BriefLock(string Key, int Version, string Salt, string Hash, string Algorithm, double Exposure, string Stage)
{
    /// <summary>The hashing scheme this version of Verdict writes.</summary>
    public const string CurrentAlgorithm = "sha256/canonical-json/v1";
}
