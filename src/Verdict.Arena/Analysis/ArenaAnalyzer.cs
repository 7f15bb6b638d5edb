using System.Globalization;
using Verdict.Arena.Configuration;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Gate;
using Verdict.Arena.Running;
using Verdict.Statistics.Inference;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.Paired;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Arena.Analysis;

/// <summary>
/// Turns an arena run into evidence with the statistics engine: per variant and metric a mean with a t interval;
/// per challenger paired differences with a paired t and a seeded paired bootstrap interval, sign, Wilcoxon and t
/// p-values, Benjamini–Hochberg across metrics, and the golden-set size the configured difference needs; the duel's
/// win rate with a Wilson interval (ties as half); and the judge's calibration against human labels.
/// </summary>
public static class ArenaAnalyzer
{
    /// <summary>Name of the similarity metric.</summary>
    public const string SimilarityMetric = "similarity";

    /// <summary>Analyzes <paramref name="run"/> and applies the gate.</summary>
    public static ArenaResult Analyze(ArenaRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var spec = run.Spec;
        var alpha = spec.Statistics.Alpha;
        var metrics = run.Axes.Concat(spec.Evaluators.Any(e => e.Kind == "similarity") ? [SimilarityMetric] : Array.Empty<string>()).ToList();
        var variants = spec.Variants.Select(v => Summarize(run, v.Name, metrics, alpha)).ToList();
        var comparisons = spec.Variants.Where(v => v.Name != spec.ControlName)
            .Select(v => Compare(run, spec.ControlName, v.Name, metrics)).ToList();
        var main = comparisons.First(c => c.Treatment == spec.TreatmentName);
        var calibration = main.Pairwise is null ? null : JudgeCalibrator.Calibrate(run, spec.TreatmentName, spec.Gate.MinJudgeAgreement);
        var gate = ArenaGate.Evaluate(spec, run, variants.First(v => v.Name == spec.TreatmentName), main, calibration);
        return new ArenaResult(spec.Name, spec.ControlName, spec.TreatmentName, run.Cases.Count, alpha, variants, comparisons,
            calibration, JudgeCalibrator.CalibrateRubric(run), gate, run.Progress, Notes(run, main, calibration), run);
    }

    /// <summary>Score of <paramref name="metric"/> for a variant on a case, when measured.</summary>
    public static double? Score(VariantCaseResult result, string metric) => metric == SimilarityMetric
        ? result.Similarity is { } s && double.IsFinite(s) ? s : null
        : result.Rubric is { } rubric && rubric.TryGetValue(metric, out var axis) ? axis.Score : null;

    private static VariantSummary Summarize(ArenaRun run, string name, IReadOnlyList<string> metrics, double alpha)
    {
        var results = run.Cases.Select(c => c.Of(name)).ToList();
        var summaries = metrics.Select(metric =>
        {
            var moments = Moments.Empty;
            foreach (var value in results.Select(r => Score(r, metric)).OfType<double>())
            {
                moments = moments.Add(value);
            }

            var interval = moments.Count >= 2
                ? Estimate.FromStatistic(moments.Mean, Math.Sqrt(moments.Variance / moments.Count), alpha, moments.Count - 1)
                : Estimate.Missing;
            return new MetricSummary(metric, moments.Count, moments.Count > 0 ? moments.Mean : double.NaN, interval.CiLow, interval.CiHigh);
        }).ToList();
        var checks = results.SelectMany(r => r.Checks).GroupBy(c => c.Name)
            .Select(g => new CheckSummary(g.Key, g.Count(c => c.Passed), g.Count())).ToList();
        var replies = results.Select(r => r.Reply).ToList();
        var latencies = replies.Where(r => r.Succeeded && double.IsFinite(r.LatencyMs)).Select(r => r.LatencyMs).ToList();
        var decoding = replies.Where(r => r.Succeeded)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"model {r.ModelId ?? "?"}, temperature {r.Temperature?.ToString("0.###", CultureInfo.InvariantCulture) ?? "default"}, seed {r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new VariantSummary(name, run.Receipts[name], summaries, checks, results.Count(r => r.Errors.Count > 0),
            replies.Sum(r => r.Cached ? 0 : r.Cost), latencies.Count > 0 ? latencies.Average() : double.NaN,
            replies.Sum(r => r.OutputTokens), decoding);
    }

    private static VariantComparison Compare(ArenaRun run, string control, string treatment, IReadOnlyList<string> metrics)
    {
        var stats = run.Spec.Statistics;
        var axes = new List<AxisComparison>();
        foreach (var metric in metrics)
        {
            var differences = run.Cases
                .Select(c => (A: Score(c.Of(control), metric), B: Score(c.Of(treatment), metric)))
                .Where(x => x.A is not null && x.B is not null)
                .Select(x => x.B!.Value - x.A!.Value).ToList();
            axes.Add(CompareMetric(metric, differences, stats));
        }

        var testable = axes.Where(a => double.IsFinite(a.PValue)).ToList();
        var adjusted = PValueAdjustment.Adjust(testable.Select(a => a.PValue).ToList(), PValueAdjustmentMethod.BenjaminiHochberg);
        var byMetric = testable.Select((a, i) => (a.Metric, P: adjusted[i])).ToDictionary(x => x.Metric, x => x.P);
        axes = axes.Select(a => a with { AdjustedPValue = byMetric.TryGetValue(a.Metric, out var p) ? p : double.NaN }).ToList();
        return new VariantComparison(control, treatment, axes, Duel(run, treatment, stats.Alpha));
    }

    private static AxisComparison CompareMetric(string metric, List<double> differences, StatisticsSpec stats)
    {
        var notes = new List<string>();
        var t = PairedT.Test(differences, stats.Alpha);
        var bootstrap = differences.Count > 0
            ? PairedBootstrap.MeanDifference(differences, stats.Seed, stats.BootstrapResamples, stats.Alpha)
            : new BootstrapInterval(double.NaN, double.NaN, double.NaN, stats.BootstrapResamples, stats.Seed, []);
        var sign = SignTest.Test(differences);
        var wilcoxon = WilcoxonSignedRank.Test(differences);
        notes.AddRange(t.Diagnostics.Concat(bootstrap.Diagnostics).Concat(wilcoxon.Diagnostics).Select(d => d.Message).Distinct());
        var spread = t.Count >= 2 ? t.Difference.StandardError * Math.Sqrt(t.Count) : double.NaN;
        var needed = spread > 0 && double.IsFinite(spread)
            ? Math.Ceiling(PairedSampleSize.ForDifference(stats.MinimumDetectableDifference, spread, stats.Alpha, stats.Power))
            : double.NaN;
        var pt = differences.Count >= 2 && double.IsFinite(t.Difference.PValue) ? t.Difference.PValue : double.NaN;
        var ps = differences.Count > 0 ? sign.PValue : double.NaN;
        var pw = differences.Count > 0 ? wilcoxon.PValue : double.NaN;
        var chosen = stats.Test switch { "sign" => ps, "t" => pt, _ => pw };
        return new AxisComparison(metric, differences.Count, t.Difference.Value, t.Difference.CiLow, t.Difference.CiHigh,
            bootstrap.CiLow, bootstrap.CiHigh, stats.Test, chosen, pt, ps, pw, double.NaN, needed, notes);
    }

    private static PairwiseSummary? Duel(ArenaRun run, string treatment, double alpha)
    {
        var duels = run.Cases.Select(c => c.Pairwise.TryGetValue(treatment, out var j) ? j : null).OfType<PairwiseJudgement>().ToList();
        if (duels.Count == 0)
        {
            return null;
        }

        var judged = duels.Where(d => d.Outcome is not null).ToList();
        var wins = judged.Count(d => d.Outcome == PairwiseOutcome.TreatmentWins);
        var losses = judged.Count(d => d.Outcome == PairwiseOutcome.ControlWins);
        var ties = judged.Count - wins - losses;
        var inconsistent = judged.Count(d => d.PositionInconsistent);
        var interval = WilsonInterval.For(wins + (ties / 2.0), judged.Count, alpha);
        return new PairwiseSummary(wins, losses, ties, inconsistent, duels.Count - judged.Count, interval.Proportion, interval.CiLow, interval.CiHigh,
            judged.Count > 0 ? inconsistent / (double)judged.Count : double.NaN);
    }

    private static List<string> Notes(ArenaRun run, VariantComparison main, JudgeCalibration? calibration)
    {
        var notes = new List<string>();
        var needed = main.Axes.Where(a => double.IsFinite(a.CasesNeeded)).Select(a => a.CasesNeeded).DefaultIfEmpty(double.NaN).Max();
        if (double.IsFinite(needed) && needed > run.Cases.Count)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The golden set has {run.Cases.Count} cases; detecting a {run.Spec.Statistics.MinimumDetectableDifference:0.##}-point difference on every axis with {run.Spec.Statistics.Power:0%} power needs up to {needed:0}. Treat this as a screening signal, not launch evidence."));
        }

        if (main.Pairwise is { } duel && duel.CiLow < 0.5)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The win rate {duel.WinRate:0%} has a {1 - run.Spec.Statistics.Alpha:0%} Wilson interval [{duel.CiLow:0%}, {duel.CiHigh:0%}] that includes 50%."));
        }

        if (calibration is { Trusted: false })
        {
            notes.Add($"Judge calibration: {calibration.Decision}.");
        }

        var errors = run.Cases.Sum(c => c.Variants.Count(v => v.Errors.Count > 0) + c.Pairwise.Values.Count(p => p.Error is not null));
        if (errors > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{errors} measurements failed and are left out of the statistics (see per-case errors)."));
        }

        return notes;
    }
}
