using Verdict.Cli.Commands.Stats;
using Verdict.Statistics.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary>The JSON form of <c>simulate peeking</c> (docs/sequential.md); an unreachable plan boundary is null.</summary>
internal sealed record PeekingJson(
    int Trials,
    int Looks,
    int Batch,
    double Rate,
    double Alpha,
    int Seed,
    double NStar,
    IReadOnlyList<double?> PlanZ,
    IReadOnlyList<PeekingPolicyJson> Policies)
{
    public static PeekingJson From(PeekingSimulationOptions o, PeekingSimulationResult r) => new(
        o.Trials, o.Looks, o.BatchSize, o.Rate, o.Alpha, o.Seed, r.TuningUnits, r.PlanBoundaries.Select(EstimateJson.N).ToList(),
        r.Outcomes.Select(x => new PeekingPolicyJson(Name(x.Policy), Describe(x.Policy), x.Wins, x.Rate, x.CiLow, x.CiHigh)).ToList());

    public static string Name(PeekingPolicy policy) => policy switch
    {
        PeekingPolicy.FixedHorizon => "fixed_horizon",
        PeekingPolicy.NaivePeeking => "naive_peeking",
        PeekingPolicy.ObrienFlemingPlan => "obrien_fleming_plan",
        _ => "always_valid",
    };

    public static string Describe(PeekingPolicy policy) => policy switch
    {
        PeekingPolicy.FixedHorizon => "planned final look only",
        PeekingPolicy.NaivePeeking => "stop at first crossing (naive peeking)",
        PeekingPolicy.ObrienFlemingPlan => "O'Brien–Fleming spending plan",
        _ => "always-valid p-value (asymptotic CS)",
    };
}

/// <summary>One policy's false-win count, rate and 95% Clopper–Pearson interval.</summary>
internal sealed record PeekingPolicyJson(string Policy, string Description, int FalseWins, double Rate, double CiLow, double CiHigh);
