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
    DateTimeOffset UpdatedAt);
