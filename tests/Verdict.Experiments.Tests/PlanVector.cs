using Verdict.Testing;

namespace Verdict.Experiments.Tests;

/// <summary>
/// One case of Reference/plan-vectors.json (tests/reference/generate_plan_vectors.py): a binary metric has a baseline,
/// a mean metric an sd; the expected units per arm, total and days are exact integers.
/// </summary>
public sealed record PlanVector(
    string Name, double? Baseline, double? Sd, double Mde, double Alpha, double Power, IReadOnlyList<double> Weights, double Daily, double Share,
    IReadOnlyList<long> Units, long Total, int Days)
{
    /// <summary>Every case of the file.</summary>
    public static IReadOnlyList<PlanVector> All { get; } = ReferenceJson.Cases<PlanVector>(AppContext.BaseDirectory, "Reference", "plan-vectors.json");
}
