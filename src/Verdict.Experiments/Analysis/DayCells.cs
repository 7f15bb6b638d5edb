using System.Globalization;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The enrollment days of a metric's day cells. A day cell's scope value is its ISO date (the metric source labels
/// it so); the steps read days as <see cref="DateOnly"/> and turn them back into the label only to look a cell up.
/// </summary>
internal static class DayCells
{
    /// <summary>The days that have cells of <paramref name="metric"/>, in order.</summary>
    public static List<DateOnly> Days(MetricData data, string metric) => data.Cells
        .Where(c => c.Metric == metric && c.Scope == CellScope.Day)
        .Select(c => Parse(c.ScopeValue!))
        .Distinct()
        .Order()
        .ToList();

    /// <summary>The label of <paramref name="day"/> in a day cell.</summary>
    public static string Label(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day a day cell's label names.</summary>
    public static DateOnly Parse(string label) => DateOnly.Parse(label, CultureInfo.InvariantCulture);
}
