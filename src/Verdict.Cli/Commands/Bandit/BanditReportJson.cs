using Verdict.Cli.Commands.Stats;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Text;

namespace Verdict.Cli.Commands.Bandit;

/// <summary>The JSON form of <c>bandit update</c> (docs/bandits.md, "verdict bandit update"); NaN is null.</summary>
internal sealed record BanditReportJson(
    string Experiment,
    int Version,
    int Period,
    bool Updated,
    bool Recorded,
    IReadOnlyList<BanditArmJson> Arms,
    BanditLiftJson StratifiedLift,
    BanditLiftJson IpwLift,
    int PeriodsUsed,
    double? EstimatedRegret,
    IReadOnlyList<string> Diagnostics,
    string Caveat)
{
    /// <summary>Rewards were counted for units first exposed by this time (ISO-8601); null when the metric has no window.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? RewardCutoff { get; init; }

    public static BanditReportJson From(BanditReport r, bool recorded) => new(
        r.Experiment,
        r.Version,
        r.NextPeriod,
        r.Weights.Updated,
        recorded,
        r.Arms.Select((name, i) => new BanditArmJson(name, r.RewardsPerArm[i], EstimateJson.N(r.Estimate.Naive[i]), EstimateJson.N(r.Estimate.Stratified[i]), EstimateJson.N(r.Estimate.InverseProbability[i]), EstimateJson.N(r.Weights.ProbabilityBest[i]), r.Weights.Weights[i])
        {
            IpwStandardError = EstimateJson.N(r.Estimate.InverseProbabilityIntervals[i].StandardError),
            IpwCiLow = EstimateJson.N(r.Estimate.InverseProbabilityIntervals[i].CiLow),
            IpwCiHigh = EstimateJson.N(r.Estimate.InverseProbabilityIntervals[i].CiHigh),
        }).ToList(),
        BanditLiftJson.From(r.Estimate.Lift),
        BanditLiftJson.From(r.Estimate.InverseProbabilityLift),
        r.Estimate.PeriodsUsed,
        EstimateJson.N(r.EstimatedRegret),
        r.Weights.Diagnostics.Concat(r.Estimate.Diagnostics).Select(d => $"{d.Code}: {d.Message}").ToList(),
        Caveats.Bandit)
    {
        RewardCutoff = r.RewardCutoff?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

}

/// <summary>One arm in <see cref="BanditReportJson"/>.</summary>
internal sealed record BanditArmJson(string Arm, long Rewards, double? NaiveMean, double? StratifiedMean, double? IpwMean, double? ProbabilityBest, double NextWeight)
{
    /// <summary>The IPW mean's sandwich standard error.</summary>
    public double? IpwStandardError { get; init; }

    /// <summary>The IPW mean's interval, lower end.</summary>
    public double? IpwCiLow { get; init; }

    /// <summary>The IPW mean's interval, upper end.</summary>
    public double? IpwCiHigh { get; init; }
}

/// <summary>A lift of the last arm over the first (stratified or IPW).</summary>
internal sealed record BanditLiftJson(double? Estimate, double? StandardError, double? CiLow, double? CiHigh, double? PValue)
{
    public static BanditLiftJson From(Verdict.Statistics.Inference.Estimate e) => new(EstimateJson.N(e.Value), EstimateJson.N(e.StandardError), EstimateJson.N(e.CiLow), EstimateJson.N(e.CiHigh), EstimateJson.N(e.PValue));
}
