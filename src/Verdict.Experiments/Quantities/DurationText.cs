using System.Globalization;

namespace Verdict.Experiments.Quantities;

/// <summary>Durations as briefs write them: a whole or decimal number and one of <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>, <c>w</c>.</summary>
public static class DurationText
{
    /// <summary>Parses <c>10m</c>, <c>7d</c>, <c>36h</c>, <c>2w</c>; false for anything else or a negative length.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return false;
        }

        var t = text.Trim();
        var seconds = char.ToLowerInvariant(t[^1]) switch
        {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            'd' => 86400.0,
            'w' => 604800.0,
            _ => double.NaN,
        };
        if (double.IsNaN(seconds)
            || !double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount)
            || amount < 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(amount * seconds);
        return true;
    }

    /// <summary>The shortest exact form: <c>10m</c>, <c>7d</c>, <c>90s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        (double Seconds, string Suffix)[] units = [(604800, "w"), (86400, "d"), (3600, "h"), (60, "m")];
        foreach (var (size, suffix) in units)
        {
            if (duration.TotalSeconds >= size && duration.TotalSeconds % size == 0)
            {
                return (duration.TotalSeconds / size).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
