using System.Globalization;
using Verdict.Experiments.Analysis.Shadow;
using Verdict.Reports.Text;
using Verdict.Statistics.Paired;

namespace Verdict.Cli.Commands.Shadow;

/// <summary>The text form of <c>verdict shadow report</c>: one block per treatment arm.</summary>
internal static class ShadowText
{
    public static void Write(TextWriter output, ShadowReportDocument report)
    {
        output.WriteLine($"shadow report: {report.Experiment} v{report.Version} — {report.Calls} shadow call(s){(report.Truncated ? " (stopped at the --limit)" : string.Empty)}");
        foreach (var warning in report.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        var level = MetricFormat.Confidence(report.Alpha);
        foreach (var arm in report.Arms)
        {
            output.WriteLine();
            output.WriteLine($"{arm.Arm} vs control: {arm.Pairs} pair(s), {arm.Unpaired} control call(s) without a {arm.Arm} call");
            Latency(output, "latency, warm", arm.WarmLatency, level);
            Latency(output, "latency, cold start", arm.ColdLatency, level);
            var cost = arm.Cost;
            output.WriteLine(cost.Pairs == 0
                ? "  cost: no priced pairs"
                : $"  cost ({cost.Pairs} priced pairs): control ${Number(cost.ControlTotalUsd / cost.Pairs, "0.######")}/call, {arm.Arm} ${Number(cost.TreatmentTotalUsd / cost.Pairs, "0.######")}/call, Δ {Interval(cost.Difference, "0.######", level)}");
            var errors = arm.Errors;
            output.WriteLine($"  errors ({errors.Pairs} pairs): control {Rate(errors.ControlRate)}, {arm.Arm} {Rate(errors.TreatmentRate)}; {errors.Discordant.Positive} pair(s) failed only in {arm.Arm}, {errors.Discordant.Negative} only in control (exact p = {MetricFormat.PValue(errors.Discordant.PValue)})");
            if (arm.Preference is { } judged)
            {
                output.WriteLine($"  judge ({judged.Judged} pair(s), both orders): {arm.Arm} won {judged.TreatmentWins}, control won {judged.ControlWins}, ties {judged.Ties} ({judged.PositionInconsistent} position-inconsistent), failed {judged.Failed}; "
                    + $"{arm.Arm}'s win share {Rate(judged.WinShare)}, sign test p = {MetricFormat.PValue(judged.SignTest.PValue)}");
            }
        }
    }

    private static void Latency(TextWriter output, string label, ShadowLatency latency, string level) => output.WriteLine(latency.Pairs == 0
        ? $"  {label}: no pairs"
        : $"  {label} ({latency.Pairs} pairs): control {Number(latency.ControlMeanMs, "0")} ms, treatment {Number(latency.TreatmentMeanMs, "0")} ms, Δ {Interval(latency.Difference, "0.0", level)} ms");

    private static string Interval(PairedDifference difference, string format, string level)
    {
        var d = difference.Difference;
        return double.IsNaN(d.Value) ? "n/a"
            : double.IsNaN(d.CiLow) ? Signed(d.Value, format) + " (too few pairs for an interval)"
            : $"{Signed(d.Value, format)} [{level} CI {Signed(d.CiLow, format)}, {Signed(d.CiHigh, format)}], paired t p = {MetricFormat.PValue(d.PValue)}";
    }

    private static string Rate(ProportionInterval rate) => rate.Count == 0 ? "n/a"
        : $"{Number(rate.Proportion * 100, "0.0")}% [{Number(rate.CiLow * 100, "0.0")}, {Number(rate.CiHigh * 100, "0.0")}]";

    private static string Signed(double value, string format) => (value >= 0 ? "+" : "−") + Number(Math.Abs(value), format);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
