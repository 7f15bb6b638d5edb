using Verdict.Experiments.Briefs;
using Verdict.Statistics.Paired;

namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>
/// Compares paired shadow calls (docs/cli.md, "verdict shadow report"): control's call and each treatment's call that
/// share a shadow pair answered the same request, so every difference is paired. Latency is compared separately for
/// warm pairs and pairs with a cold start; cost and errors over the pairs that have them. The tests are the paired ones
/// of <c>Verdict.Statistics</c> (paired t, Wilson, exact sign test), each checked against scipy in tests/reference/paired.
/// </summary>
public static class ShadowComparison
{
    /// <summary>The pairs of <paramref name="calls"/> by treatment arm: (control call, treatment call), in pair order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(ShadowCall Control, ShadowCall Treatment)>> Pairs(ExperimentBrief brief, IEnumerable<ShadowCall> calls)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(calls);
        var control = brief.Control.Name;
        var byPair = calls.GroupBy(c => c.Pair, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var pairs = new Dictionary<string, IReadOnlyList<(ShadowCall, ShadowCall)>>(StringComparer.Ordinal);
        foreach (var arm in brief.Arms.Where(a => !a.IsControl))
        {
            pairs[arm.Name] = [.. byPair
                .Select(g => (Control: g.FirstOrDefault(c => c.Arm == control), Treatment: g.FirstOrDefault(c => c.Arm == arm.Name)))
                .Where(p => p.Control is not null && p.Treatment is not null)
                .Select(p => (p.Control!, p.Treatment!))];
        }

        return pairs;
    }

    /// <summary>Every treatment's comparison with control at two-sided level <paramref name="alpha"/>.</summary>
    public static IReadOnlyList<ShadowArmComparison> Compare(ExperimentBrief brief, IReadOnlyList<ShadowCall> calls, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(calls);
        var controls = calls.Count(c => c.Arm == brief.Control.Name);
        return [.. Pairs(brief, calls).Select(p => new ShadowArmComparison
        {
            Arm = p.Key,
            Pairs = p.Value.Count,
            Unpaired = controls - p.Value.Count,
            WarmLatency = Latency(p.Value.Where(x => !x.Control.Cold && !x.Treatment.Cold), alpha),
            ColdLatency = Latency(p.Value.Where(x => x.Control.Cold || x.Treatment.Cold), alpha),
            Cost = Cost(p.Value, alpha),
            Errors = Errors(p.Value, alpha),
        })];
    }

    private static ShadowLatency Latency(IEnumerable<(ShadowCall Control, ShadowCall Treatment)> pairs, double alpha)
    {
        var ok = pairs.Where(p => p.Control.Error is null && p.Treatment.Error is null).ToList();
        return new ShadowLatency(
            ok.Count,
            ok.Count == 0 ? double.NaN : ok.Average(p => p.Control.LatencyMs),
            ok.Count == 0 ? double.NaN : ok.Average(p => p.Treatment.LatencyMs),
            PairedT.Compare([.. ok.Select(p => p.Control.LatencyMs)], [.. ok.Select(p => p.Treatment.LatencyMs)], alpha));
    }

    private static ShadowCost Cost(IReadOnlyList<(ShadowCall Control, ShadowCall Treatment)> pairs, double alpha)
    {
        var priced = pairs.Where(p => p.Control.CostUsd is not null && p.Treatment.CostUsd is not null).ToList();
        return new ShadowCost(
            priced.Count,
            priced.Sum(p => p.Control.CostUsd!.Value),
            priced.Sum(p => p.Treatment.CostUsd!.Value),
            PairedT.Compare([.. priced.Select(p => p.Control.CostUsd!.Value)], [.. priced.Select(p => p.Treatment.CostUsd!.Value)], alpha));
    }

    private static ShadowErrors Errors(IReadOnlyList<(ShadowCall Control, ShadowCall Treatment)> pairs, double alpha)
    {
        var control = pairs.Count(p => p.Control.Error is not null);
        var treatment = pairs.Count(p => p.Treatment.Error is not null);
        var signs = pairs.Select(p => (p.Treatment.Error is null ? 0.0 : 1.0) - (p.Control.Error is null ? 0.0 : 1.0)).ToList();
        return new ShadowErrors(pairs.Count, WilsonInterval.For(control, pairs.Count, alpha), WilsonInterval.For(treatment, pairs.Count, alpha), SignTest.Test(signs));
    }
}
