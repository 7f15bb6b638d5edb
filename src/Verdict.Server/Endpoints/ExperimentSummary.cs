using Verdict.Server.ControlPlane;

namespace Verdict.Server.Endpoints;

/// <summary>One experiment version as the API lists it (the brief itself is not repeated).</summary>
public sealed record ExperimentSummary(string Key, int Version, string Status, double Exposure, string LockHash, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The ladder stage the version moved to (null before its first advance, or without a ladder; omitted then).</summary>
    public string? Stage { get; init; }

    /// <summary>The summary of a record.</summary>
    public static ExperimentSummary From(ExperimentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Key, record.Version, ControlPlaneStore.Name(record.Status), record.Exposure, record.LockHash, record.CreatedAt, record.UpdatedAt) { Stage = record.Stage };
    }
}
