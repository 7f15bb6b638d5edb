using System.Globalization;
using Verdict.Experiments.Metrics;

namespace Verdict.Reports.Text;

/// <summary>
/// The one place numbers become text: values and changes in a metric's unit (percentage points, milliseconds or plain
/// numbers), p-values, confidence levels, and the plain six-significant-digit numbers of the <c>stats</c> tables.
/// Every output (checks, reasons, memo, report, CLI tables) formats through it.
/// </summary>
public static class MetricFormat
{
    /// <summary>A plain number to six significant digits, as the <c>stats</c> tables print (<c>0.0381234</c>).</summary>
    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A difference of proportions in percentage points to two decimals, as the <c>stats</c> tables print (<c>+3.81 pp</c>).</summary>
    public static string PercentagePoints(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pp";

    /// <summary>A fraction as a percentage to two decimals, as the <c>stats</c> tables print (<c>+9.93%</c>).</summary>
    public static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A level, e.g. 38.0% or 1180 ms.</summary>
    public static string Value(double value, MetricUnit unit) => double.IsNaN(value) ? "n/a" : unit switch
    {
        MetricUnit.Proportion => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        MetricUnit.Milliseconds => value.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>A change, e.g. +4.0 pp or +80 ms.</summary>
    public static string Delta(double value, MetricUnit unit) => double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "+∞" : "−∞") : unit switch
    {
        MetricUnit.Proportion => (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp",
        MetricUnit.Milliseconds => value.ToString("+0;-0;0", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture),
    };

    /// <summary>An interval of changes, e.g. [+3.0 pp, +4.7 pp].</summary>
    public static string Interval(double low, double high, MetricUnit unit) => $"[{Delta(low, unit)}, {Delta(high, unit)}]";

    /// <summary>A relative change, e.g. +10.5%.</summary>
    public static string Relative(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A confidence level from alpha, as "95%" or "97.5%" (never rounded to a level the test does not use).</summary>
    public static string Confidence(double alpha) => Math.Round((1 - alpha) * 100, 4).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>A choice as the brief spells it (<c>fixed_horizon</c>, <c>observed_delta</c>), never the .NET enum name.</summary>
    public static string Name(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }

    /// <summary>
    /// An interval as drawn and printed: a difference of proportions lies in [−1, 1] (±100 pp), so a normal
    /// approximation that reaches past it on a small segment is cut there; other units are left as they are.
    /// </summary>
    public static (double Low, double High) Bounded(double low, double high, MetricUnit unit) =>
        unit == MetricUnit.Proportion ? (Math.Max(low, -1), Math.Min(high, 1)) : (low, high);

    /// <summary>
    /// A p-value, the one form every output uses: four decimals, one significant digit in scientific form below 1e-4
    /// (<c>1.6e-9</c>), and "&lt; 1e-16" below the precision of a double (0 included).
    /// </summary>
    public static string PValue(double p) => double.IsNaN(p) ? "n/a" : p < 1e-16 ? "< 1e-16" : p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
