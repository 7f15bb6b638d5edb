using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The brief's registered analysis, resolved once and frozen: the planner's sizing, the planned units per arm and each
/// arm's target, clustering, burn-in and the covariate lookback. The metric source, the analysis, the report and the
/// dashboard read these values from here instead of recomputing them (docs/architecture.md, "One analyze call").
/// </summary>
public sealed class ResolvedPlan
{
    private readonly Dictionary<string, long> targets;

    private ResolvedPlan(ExperimentBrief brief)
    {
        Brief = brief;
        Sizing = Size(brief);
        PlannedUnitsPerArm = brief.Analysis.PlannedUnitsPerArm ?? (Sizing.Arms.Count > 0 ? Sizing.Arms.Max(a => a.Units) : null);
        targets = new Dictionary<string, long>(StringComparer.Ordinal);
        if (PlannedUnitsPerArm is { } planned)
        {
            // The planned size belongs to the largest arm; an arm of smaller weight needs proportionally fewer units.
            // The 1e-9 keeps a product that is whole but for rounding (1000 × 0.7 / 0.7) from ceiling one too high,
            // as ExperimentPlanner does for its arms.
            var largest = brief.Arms.Max(a => a.Weight);
            foreach (var arm in brief.Arms)
            {
                targets[arm.Name] = (long)Math.Ceiling((planned * arm.Weight / largest) - 1e-9);
            }
        }

        Clustered = IsClustered(brief);
        CovariateLookback = brief.Metrics.Values
            .Select(m => m.Covariate?.Lookback ?? TimeSpan.Zero)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
    }

    /// <summary>The brief the plan was resolved from.</summary>
    public ExperimentBrief Brief { get; }

    /// <summary>The planner's plan (<see cref="ExperimentPlanner"/>); a brief it cannot size gets an empty one with the reason as a note.</summary>
    public ExperimentPlan Sizing { get; }

    /// <summary>The registered <c>planned_units_per_arm</c>, or else the largest arm of the planner's sizing; null when neither exists.</summary>
    public long? PlannedUnitsPerArm { get; }

    /// <summary>Each arm's planned units, ⌈planned × weight / largest weight⌉, the largest arm's exactly planned (empty without a planned size).</summary>
    public IReadOnlyDictionary<string, long> TargetUnits => targets;

    /// <summary>True when the brief randomizes clusters (it then names the cluster key): the one definition every step uses.</summary>
    public bool Clustered { get; }

    /// <summary>The registered burn-in: units first exposed inside it are excluded.</summary>
    public TimeSpan BurnIn => Brief.Analysis.BurnIn;

    /// <summary>The longest CUPED covariate lookback of the brief's metrics (zero without covariates).</summary>
    public TimeSpan CovariateLookback { get; }

    /// <summary>
    /// True when <paramref name="brief"/> randomizes clusters (teams, organizations) and names the cluster key: the one
    /// definition the SQL compiler, the metric source and the comparer share (a valid brief always names the key).
    /// </summary>
    public static bool IsClustered(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return brief.Unit.Randomization == RandomizationUnit.Cluster && brief.Unit.ClusterKey is not null;
    }

    /// <summary>Resolves <paramref name="brief"/>'s plan.</summary>
    public static ResolvedPlan From(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return new ResolvedPlan(brief);
    }

    /// <summary>The planned units of the <paramref name="arms"/> together, or null without a planned size.</summary>
    public long? TargetOf(params IEnumerable<string> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return targets.Count == 0 ? null : arms.Sum(a => targets.GetValueOrDefault(a));
    }

    /// <summary>The information fraction reached: the smallest share of its target any arm has, or null without a positive planned size.</summary>
    public double? InformationFraction(PopulationSummary population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return PlannedUnitsPerArm is not > 0 ? null : Brief.Arms.Min(a => population.UnitsPerArm.GetValueOrDefault(a.Name) / (double)targets[a.Name]);
    }

    private static ExperimentPlan Size(ExperimentBrief brief)
    {
        try
        {
            return ExperimentPlanner.Plan(brief);
        }
        catch (ArgumentException e)
        {
            return new ExperimentPlan { PrimaryMetric = brief.PrimaryMetric, Notes = [e.Message] };
        }
    }
}
