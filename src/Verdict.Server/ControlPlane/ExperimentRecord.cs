namespace Verdict.Server.ControlPlane;

/// <summary>
/// One experiment version as the server keeps it: the brief as registered (its YAML, the files it names and its lock
/// hash), its status and current exposure.
/// </summary>
public sealed record ExperimentRecord(
    string Key,
    int Version,
    ExperimentStatus Status,
    double Exposure,
    string LockHash,
    string BriefYaml,
    IReadOnlyDictionary<string, string> Files,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The ladder stage the version is in (brief <c>stages[i].name</c>); null before its first advance or without a ladder.</summary>
    public string? Stage { get; init; }
}
