using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>
/// Computes the next period of a bandit from a store's sufficient statistics (docs/bandits.md, "Updating"). Exposures
/// carry the attribute <see cref="PeriodAttribute"/> (the period whose cohort enrolled the unit), so the store returns
/// the reward metric per (arm, period): posteriors come from the arms' totals, the honest estimate from the periods.
/// </summary>
public static class BanditUpdater
{
    /// <summary>The exposure attribute holding the enrolling period.</summary>
    public const string PeriodAttribute = "bandit_period";

    /// <summary>A new state with one period of equal weights, for the brief's arms and primary metric.</summary>
    public static BanditState Start(ExperimentBrief brief, double enrollmentPerPeriod, DateTimeOffset now, Func<BanditState, BanditState>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var family = RewardFamily(brief);
        var k = brief.Arms.Count;
        var state = new BanditState
        {
            Experiment = brief.Key,
            Version = brief.Version,
            Salt = brief.Salt,
            Arms = brief.Arms.Select(a => a.Name).ToArray(),
            RewardMetric = brief.PrimaryMetric,
            EnrollmentPerPeriod = enrollmentPerPeriod,
            Periods = [new BanditPeriodRecord(0, Enumerable.Repeat(1.0 / k, k).ToArray(), now, new long[k], null, false)],
        };
        state = configure?.Invoke(state) ?? state;
        if (family == PosteriorFamily.Normal && state.MinSample < 2)
        {
            throw new ArgumentException($"min_sample must be at least 2 for a continuous reward (its variance is estimated), got {state.MinSample}");
        }

        _ = state.ToSchedule();
        state.ToThompsonOptions(0).Validate(k);
        return state;
    }

    /// <summary>A new state with one period of equal weights from the brief's <c>bandit</c> block (docs/brief.md, "Bandit").</summary>
    public static BanditState Start(ExperimentBrief brief, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var design = brief.Bandit ?? throw new ArgumentException($"{brief.Key} v{brief.Version} has no bandit block.", nameof(brief));
        return Start(brief, design.EnrollmentPerPeriod, now, design.Apply);
    }

    /// <summary>The brief as the store should aggregate it for a bandit: broken down by enrolling period.</summary>
    public static ExperimentBrief ForStore(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return brief with { Segments = [.. brief.Segments.Where(s => s.Name != PeriodAttribute), new Segment(PeriodAttribute, PeriodAttribute, false)] };
    }

    /// <summary>
    /// The latest first exposure whose reward window (the reward metric's <c>within</c>) has closed at
    /// <paramref name="asOf"/>: asOf − within. Null when the metric has no window (it never closes, so every unit counts).
    /// </summary>
    public static DateTimeOffset? RewardCutoff(ExperimentBrief brief, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return brief.Metrics.TryGetValue(brief.PrimaryMetric, out var metric) && metric.Within is { } within ? asOf - within : null;
    }

    /// <summary>Appends the next period to <paramref name="state"/> from <paramref name="data"/> (loaded for <see cref="ForStore"/>).</summary>
    public static (BanditState State, BanditReport Report) Update(ExperimentBrief brief, BanditState state, MetricData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(data);
        if (brief.Key != state.Experiment || brief.Version != state.Version || !brief.Arms.Select(a => a.Name).SequenceEqual(state.Arms))
        {
            throw new ArgumentException($"The state is for {state.Experiment} v{state.Version} with arms [{string.Join(", ", state.Arms)}]; the brief is {brief.Key} v{brief.Version}.", nameof(state));
        }

        var schedule = state.ToSchedule();
        if (!schedule.CanAddPeriod)
        {
            throw new ArgumentException($"All {state.Periods.Count} cohorts are open: the bucket space is used up, so the bandit cannot enrol a new period.", nameof(state));
        }

        var family = RewardFamily(brief);
        var k = state.Arms.Count;
        var totals = new Moments[k];
        var cells = new List<BanditCell>();
        foreach (var cell in data.Cells.Where(c => c.Metric == state.RewardMetric && c.Scope == CellScope.Segment && c.ScopeName == PeriodAttribute))
        {
            var arm = IndexOf(state.Arms, cell.Arm);
            if (arm < 0)
            {
                throw new InvalidDataException($"exposures name the arm \"{cell.Arm}\", which is not an arm of this bandit ({string.Join(", ", state.Arms)})");
            }

            if (!int.TryParse(cell.ScopeValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var period) || period >= schedule.Periods.Count)
            {
                throw new InvalidDataException($"exposures of arm \"{cell.Arm}\" carry {PeriodAttribute} = \"{cell.ScopeValue}\", which is not a period of this bandit (0–{schedule.Periods.Count - 1})");
            }

            var rewards = cell.Moments.Y;
            totals[arm] += rewards;
            cells.Add(new BanditCell(period, arm, rewards, Math.Max(schedule.Periods[period].Propensity(arm), double.Epsilon)));
        }

        var posteriors = totals.Select(m => family == PosteriorFamily.Beta
            ? ArmPosterior.FromBinary((long)Math.Round(m.Sum), m.Count, BetaPrior.Flat)
            : m.Count >= 2 ? ArmPosterior.FromMoments(m) : new ArmPosterior(PosteriorFamily.Normal, 0, 1e6, m.Count)).ToArray();
        var next = state.Periods.Count;
        var weights = ThompsonAllocation.Compute(posteriors, state.ToThompsonOptions(next), state.Periods[^1].Weights);
        var estimate = BanditEstimator.Estimate(cells, k, 0, k - 1);
        var counts = totals.Select(m => m.Count).ToArray();
        var best = estimate.Stratified.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        var regret = Enumerable.Range(0, k).Sum(a => counts[a] == 0 ? 0 : counts[a] * (best - estimate.Stratified[a]));
        var updated = state with
        {
            Periods = [.. state.Periods, new BanditPeriodRecord(next, weights.Weights, now, counts, weights.ProbabilityBest, weights.Updated)],
        };
        var regretByPeriod = new double[state.Periods.Count];
        var running = 0.0;
        for (var p = 0; p < regretByPeriod.Length; p++)
        {
            running += cells.Where(c => c.Period == p && c.Rewards.Count > 0).Sum(c => c.Rewards.Count * (best - estimate.Stratified[c.Arm]));
            regretByPeriod[p] = running;
        }

        return (updated, new BanditReport(state.Experiment, state.Version, next, state.Arms, counts, weights, estimate, regret)
        {
            Posteriors = posteriors,
            RegretByPeriod = regretByPeriod,
        });
    }

    private static PosteriorFamily RewardFamily(ExperimentBrief brief)
    {
        var metric = brief.Metrics.TryGetValue(brief.PrimaryMetric, out var m) ? m : throw new ArgumentException($"The primary metric \"{brief.PrimaryMetric}\" is not defined.", nameof(brief));
        return metric.Type switch
        {
            MetricType.Binary => PosteriorFamily.Beta,
            MetricType.Count or MetricType.Sum => PosteriorFamily.Normal,
            _ => throw new ArgumentException($"A bandit's reward must be a per-unit binary, count or sum metric; \"{brief.PrimaryMetric}\" is {metric.Type.ToString().ToLowerInvariant()}.", nameof(brief)),
        };
    }

    private static int IndexOf(IReadOnlyList<string> arms, string arm)
    {
        for (var i = 0; i < arms.Count; i++)
        {
            if (arms[i] == arm)
            {
                return i;
            }
        }

        return -1;
    }
}
