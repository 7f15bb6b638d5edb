using System.Globalization;
using Verdict.Arena.Analysis;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Providers;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Text;

namespace Verdict.Reports.Arena;

/// <summary>The words and number forms of the arena's Markdown and HTML reports; p-values in the one form of <see cref="MetricFormat.PValue"/>.</summary>
internal static class ArenaText
{
    public static string Number(double value, string format = "0.00") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Interval(double low, double high, string format = "0.00") =>
        double.IsFinite(low) && double.IsFinite(high) ? $"[{Number(low, format)}, {Number(high, format)}]" : "—";

    public static string Signed(double value) => Number(value, "+0.00;-0.00;0.00");

    public static string P(double value) => double.IsFinite(value) ? MetricFormat.PValue(value) : "—";

    public static string Percent(double value) => Number(value, "0%");

    public static string Confidence(ArenaResult result) => (1 - result.Alpha).ToString("0%", CultureInfo.InvariantCulture);

    public static string Mean(MetricSummary metric) => $"{Number(metric.Mean)} {Interval(metric.CiLow, metric.CiHigh)}";

    public static string Checks(VariantSummary variant) =>
        variant.Checks.Count == 0 ? "—" : $"{variant.Checks.Sum(c => c.Passed)}/{variant.Checks.Sum(c => c.Total)}";

    public static string Calls(ArenaProgress calls) => string.Create(CultureInfo.InvariantCulture,
        $"Calls: {calls.NetworkCalls} network, {calls.CacheHits} from cache or replay, {calls.Retries} retries, {calls.Errors} errors, spend {Number(calls.Spend, "0.0000")}.");

    /// <summary>A receipt in one line: model, prompt version with the start of its hash, temperature and seed.</summary>
    public static string Receipt(Receipt receipt)
    {
        var prompt = receipt.Prompt ?? "?";
        var at = prompt.IndexOf('@', StringComparison.Ordinal);
        var (version, hash) = at < 0 ? ("?", prompt) : (prompt[..at], prompt[(at + 1)..]);
        var shortHash = hash.Length > 15 ? hash[..15] + "…" : hash;
        var temperature = receipt.Decoder?.Temperature is { } t ? Number(t, "0.##") : "?";
        return $"{receipt.Model}, prompt {version} ({shortHash}), T={temperature}, seed {receipt.Components.GetValueOrDefault("seed") ?? "none"}";
    }

    public static string Outcome(PairwiseJudgement judgement, string control, string treatment) => judgement.Outcome switch
    {
        PairwiseOutcome.TreatmentWins => $"{treatment} wins",
        PairwiseOutcome.ControlWins => $"{control} wins",
        PairwiseOutcome.Tie => judgement.PositionInconsistent ? "tie (orders disagree)" : "tie",
        _ => judgement.Error ?? "error",
    };

    /// <summary>The duel in one sentence: wins, losses, ties, the win rate with its Wilson interval, position inconsistency.</summary>
    public static string Duel(PairwiseSummary duel, string confidence) => string.Create(CultureInfo.InvariantCulture,
        $"{duel.Wins} wins, {duel.Losses} losses, {duel.Ties} ties → win rate **{Percent(duel.WinRate)}**, Wilson {confidence} CI {Interval(duel.CiLow, duel.CiHigh, "0%")}; position-inconsistent in {duel.PositionInconsistent} of {duel.Wins + duel.Losses + duel.Ties}.");

    /// <summary>The judge's calibration as list items: agreement and κ, position inconsistency, length bias, policy and decision.</summary>
    public static IReadOnlyList<string> Calibration(JudgeCalibration cal) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"human labels: {cal.LabelledCases}; agreement {Number(cal.Agreement, "0.0%")}; Cohen's κ {Number(cal.Kappa)} {Interval(cal.KappaCiLow, cal.KappaCiHigh)}"),
        $"position inconsistency: {Number(cal.PositionInconsistencyRate, "0%")}",
        string.Create(CultureInfo.InvariantCulture, $"length bias: the longer answer won {cal.LengthBias.LongerWon} of {cal.LengthBias.DecisiveDuels} decisive duels (sign test p {P(cal.LengthBias.PValue)})"),
        $"policy minimum: {(cal.MinimumAgreement is { } m ? Number(m, "0.0%") : "none")}; decision: **{cal.Decision}**",
    ];

    /// <summary>The rubric judge against human axis scores in one sentence.</summary>
    public static string RubricAgreement(RubricCalibration rubric) => string.Create(CultureInfo.InvariantCulture,
        $"Rubric judge against {rubric.Labels} human scores: exact agreement {Number(rubric.ExactAgreement, "0.0%")}, within one point {Number(rubric.WithinOneAgreement, "0.0%")}, κ {Number(rubric.Kappa)} {Interval(rubric.KappaCiLow, rubric.KappaCiHigh)}, judge − human {Signed(rubric.MeanJudgeMinusHuman)} points on average.");
}
