using System.Globalization;
using Verdict.Experiments.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Bandits;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads the brief's optional <c>bandit</c> block (docs/brief.md, "Bandit").</summary>
internal static class BanditReader
{
    public static readonly string[] Fields = ["period", "enrollment_per_period", "method", "draws", "seed", "top_two", "min_weight", "min_sample"];

    private static readonly Dictionary<string, WeightMethod> Methods = new(StringComparer.Ordinal)
    {
        ["quadrature"] = WeightMethod.Quadrature,
        ["monte_carlo"] = WeightMethod.MonteCarlo,
    };

    /// <summary>The block, or null when the brief has none or it has errors (reported on <paramref name="root"/>'s context).</summary>
    public static BanditDesign? Read(YamlFields root, IReadOnlyList<ArmDefinition> arms, MetricDefinition? reward)
    {
        var f = root.Mapping("bandit", Fields);
        if (f is null)
        {
            return null;
        }

        var errors = root.Context.Problems.Count;
        var period = f.Duration("period", required: true);
        if (period is { } p && p < TimeSpan.FromMinutes(1))
        {
            f.Error("period", $"a bandit's period must be at least 1m (the weights are recomputed from the store once per period), got \"{f.String("period")}\"");
        }

        var continuous = reward?.Type is MetricType.Count or MetricType.Sum;
        if (reward is not null && reward.Type is not (MetricType.Binary or MetricType.Count or MetricType.Sum))
        {
            root.Error("primary_metric", $"a bandit's reward is the primary metric and must be a per-unit binary, count or sum metric; \"{reward.Name}\" is {reward.Type.ToString().ToLowerInvariant()}");
        }

        if (root.Has("interleaving"))
        {
            root.Error("bandit", "a brief is either a bandit or an interleaving test, not both");
        }

        var design = new BanditDesign
        {
            Period = period ?? TimeSpan.Zero,
            EnrollmentPerPeriod = f.Number("enrollment_per_period") ?? 0.05,
            Method = f.Choice("method", Methods) ?? WeightMethod.Quadrature,
            Draws = (int)Math.Clamp(f.Integer("draws") ?? 10_000, int.MinValue, int.MaxValue),
            Seed = f.Integer("seed") ?? 1,
            TopTwo = f.Bool("top_two") ?? false,
            MinWeight = f.Number("min_weight") ?? 0.05,
            MinSample = f.Integer("min_sample") ?? 100,
        };
        Check(f, design, arms.Count, continuous);
        return root.Context.Problems.Count == errors ? design : null;
    }

    /// <summary>A bandit serves its own cohorts: a layer or holdout would hide units from them.</summary>
    public static void Check(YamlFields root, ExperimentBrief brief)
    {
        if (brief.Bandit is null)
        {
            return;
        }

        if (brief.Traffic.Layer is not null)
        {
            root.Error("bandit", "a bandit enrols its own cohorts of the whole bucket space, so it cannot share a layer (remove traffic.layer)");
        }

        if (brief.Stages is not null)
        {
            root.Error("bandit", "a bandit moves traffic by its own schedule, so it cannot also climb a rollout ladder (remove stages)");
        }
        else if (brief.Traffic.Exposure < 1)
        {
            root.Error("bandit", $"a bandit enrols units by its period cohorts, not by the exposure; leave traffic.exposure at 1 (got {brief.Traffic.Exposure.ToString("R", CultureInfo.InvariantCulture)})");
        }

        if (brief.Traffic.Holdout is not null)
        {
            root.Error("bandit", "a bandit enrols its own cohorts of the whole bucket space, so it cannot have a holdout (remove traffic.holdout)");
        }
    }

    private static void Check(YamlFields f, BanditDesign design, int arms, bool continuous)
    {
        var enrollment = design.EnrollmentPerPeriod;
        if (!(enrollment >= 0.0001 && enrollment <= 1))
        {
            f.Error("enrollment_per_period", $"must lie in [0.0001, 1] (one bucket of 10 000 at least), got {Text(enrollment)}");
        }

        if (design.Draws < 1)
        {
            f.Error("draws", $"must be at least 1, got {design.Draws}");
        }

        if (arms >= 2 && !(design.MinWeight >= 0 && design.MinWeight * arms <= 1))
        {
            f.Error("min_weight", $"must lie in [0, 1/{arms}] for {arms} arms (every arm keeps it), got {Text(design.MinWeight)}");
        }

        if (design.MinSample < (continuous ? 2 : 0))
        {
            f.Error("min_sample", continuous
                ? $"must be at least 2 for a continuous reward (its variance is estimated), got {design.MinSample}"
                : $"cannot be negative, got {design.MinSample}");
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
