using System.Globalization;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The enrollment days of day cells, in one place: a metric source turns the SQL day number into a
/// <see cref="DateOnly"/> and labels the cell with its ISO date (<see cref="Label"/>); the steps read days as
/// <see cref="DateOnly"/> and spell the label only to look a cell up.
/// </summary>
public static class DayCells
{
    private static readonly int UnixEpoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>The days that have cells of <paramref name="metric"/>, in order.</summary>
    public static List<DateOnly> Days(MetricData data, string metric) => Days(data.Cells.Where(c => c.Metric == metric));

    /// <summary>The days of the day cells among <paramref name="cells"/>, in order.</summary>
    public static List<DateOnly> Days(IEnumerable<MetricCell> cells) => cells
        .Where(c => c.Scope == CellScope.Day)
        .Select(c => Parse(c.ScopeValue!))
        .Distinct()
        .Order()
        .ToList();

    /// <summary>The day of a day number (days since the Unix epoch, UTC), as the SQL groups first exposures.</summary>
    public static DateOnly FromUnixDay(long day) => DateOnly.FromDayNumber(UnixEpoch + checked((int)day));

    /// <summary>The label of <paramref name="day"/> in a day cell.</summary>
    public static string Label(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day a day cell's label names.</summary>
    public static DateOnly Parse(string label) => DateOnly.Parse(label, CultureInfo.InvariantCulture);
}
