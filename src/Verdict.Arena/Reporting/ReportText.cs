using System.Globalization;

namespace Verdict.Arena.Reporting;

/// <summary>Number formats shared by the Markdown and HTML reports.</summary>
internal static class ReportText
{
    public static string Number(double value, string format = "0.00") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Interval(double low, double high, string format = "0.00") =>
        double.IsFinite(low) && double.IsFinite(high) ? $"[{Number(low, format)}, {Number(high, format)}]" : "—";

    public static string Signed(double value) => Number(value, "+0.00;-0.00;0.00");

    public static string P(double value) => !double.IsFinite(value) ? "—" : value < 0.0001 ? "<0.0001" : Number(value, "0.0000");

    public static string Percent(double value) => Number(value, "0%");

    public static string Mean(MetricSummary metric) => $"{Number(metric.Mean)} {Interval(metric.CiLow, metric.CiHigh)}";

    public static string Outcome(PairwiseJudgement judgement, string control, string treatment) => judgement.Outcome switch
    {
        PairwiseOutcome.TreatmentWins => $"{treatment} wins",
        PairwiseOutcome.ControlWins => $"{control} wins",
        PairwiseOutcome.Tie => judgement.PositionInconsistent ? "tie (orders disagree)" : "tie",
        _ => judgement.Error ?? "error",
    };
}
