using System.Globalization;

namespace Verdict.Cli;

/// <summary>Parses the compact argument forms of the command line ("760/2000", "2000,0.38,0.49", "0.5,0.5").</summary>
public static class ArgParsing
{
    /// <summary>Parses "successes/units".</summary>
    public static (long Successes, long Count) Fraction(string text, string option)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !long.TryParse(parts[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var successes)
            || !long.TryParse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            throw new CliException($"{option}: expected SUCCESSES/UNITS such as 760/2000, got \"{text}\"");
        }

        if (successes < 0 || count < 0 || successes > count)
        {
            throw new CliException($"{option}: successes must lie between 0 and the number of units, got \"{text}\"");
        }

        return (successes, count);
    }

    /// <summary>Parses a comma-separated list of numbers, requiring <paramref name="expected"/> of them when given.</summary>
    public static double[] Numbers(string text, string option, int? expected = null, string? shape = null)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new CliException($"{option}: \"{parts[i]}\" is not a number (in \"{text}\")");
            }
        }

        if (expected is { } n && values.Length != n)
        {
            throw new CliException($"{option}: expected {shape ?? $"{n} comma-separated numbers"}, got \"{text}\"");
        }

        return values;
    }

    /// <summary>Parses a whole, non-negative count.</summary>
    public static long Count(double value, string option, string what)
    {
        if (value < 0 || value != Math.Floor(value) || value > long.MaxValue)
        {
            throw new CliException($"{option}: {what} must be a whole non-negative number, got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (long)value;
    }
}
