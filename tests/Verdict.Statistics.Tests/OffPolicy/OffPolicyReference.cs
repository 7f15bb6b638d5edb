using Verdict.Statistics.OffPolicy;
using Verdict.Statistics.Tests.Reference;
using Verdict.Testing;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>One logged decision: the action, its logging propensity, the reward, the context and the target policy.</summary>
public sealed record LoggedDecisionRow(int Action, double Propensity, double Reward, IReadOnlyList<double> Context, IReadOnlyList<double> Target)
{
    /// <summary>The decision the evaluation reads.</summary>
    public LoggedDecision Decision => new(Action, Propensity, Reward, [.. Context], [.. Target]);
}

/// <summary>One case of ope.json: the options and numpy's and statsmodels' estimates and weight summaries.</summary>
public sealed record OffPolicyCase(
    double? Clip, double Alpha, int Folds, EstimateBlock Logged, EstimateBlock Ips, EstimateBlock Snips, EstimateBlock Dr,
    EstimateBlock IpsVersusLogged, EstimateBlock SnipsVersusLogged, EstimateBlock DrVersusLogged,
    double EffectiveSampleSize, double MeanWeight, double MaxWeight, int Clipped, double? ClippingBias);

/// <summary>tests/reference/ope/ope.json, written by generate.py (numpy, statsmodels) from a seeded logged-bandit dataset, read once.</summary>
public sealed record OffPolicyReference(double TrueValue, IReadOnlyList<LoggedDecisionRow> Decisions, IReadOnlyList<OffPolicyCase> Cases)
{
    /// <summary>The file.</summary>
    public static OffPolicyReference Value { get; } = ReferenceJson.Read<OffPolicyReference>("ope", "ope.json");

    /// <summary>The logged decisions, as the evaluation reads them.</summary>
    public IReadOnlyList<LoggedDecision> LoggedDecisions() => Decisions.Select(d => d.Decision).ToList();
}
