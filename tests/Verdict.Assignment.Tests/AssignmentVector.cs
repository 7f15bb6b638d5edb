using Verdict.Assignment.Targeting;
using Verdict.Testing;

namespace Verdict.Assignment.Tests;

/// <summary>A layer of an assignment vector: its name and bucket range [start, end).</summary>
public sealed record VectorLayer(string Name, int Start, int End);

/// <summary>A holdout of an assignment vector.</summary>
public sealed record VectorHoldout(string Name, double Fraction);

/// <summary>
/// One vector of Vectors/assignment-vectors.json (tests/reference/generate_assignment_vectors.py): the experiment's
/// salt, arms, weights, exposure and optional layer, holdout and forced units, and the unit's expected bucket, arm (null
/// when none) and status.
/// </summary>
public sealed record AssignmentVector(
    string Salt, string Unit, IReadOnlyList<string> Arms, IReadOnlyList<double> Weights, double Exposure, int Bucket, string? Arm, string Status,
    VectorLayer? Layer = null, VectorHoldout? Holdout = null, IReadOnlyDictionary<string, string>? Forced = null)
{
    /// <summary>Every vector of the file.</summary>
    public static IReadOnlyList<AssignmentVector> All { get; } =
        ReferenceJson.Read<VectorFile>(AppContext.BaseDirectory, "Vectors", "assignment-vectors.json").Vectors;

    /// <summary>The file: its vectors.</summary>
    private sealed record VectorFile(IReadOnlyList<AssignmentVector> Vectors);
}
