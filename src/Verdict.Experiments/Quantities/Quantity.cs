using System.Globalization;

namespace Verdict.Experiments.Quantities;

/// <summary>
/// A number with its unit, normalized so that equal amounts compare equal: <c>0.5pp</c> is (0.005, Proportion),
/// <c>5%</c> is (0.05, Relative), <c>0.15s</c> is (150, Milliseconds). Budgets, MDEs and ship thresholds use it.
/// </summary>
public readonly record struct Quantity(double Value, QuantityUnit Unit)
{
    /// <summary>True for a change relative to control.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRelative => Unit == QuantityUnit.Relative;

    /// <summary>Parses <c>150ms</c>, <c>0.15s</c>, <c>0.5pp</c>, <c>5%</c> or a plain number; false when it is none of these.</summary>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        (string Suffix, QuantityUnit Unit, double Scale)[] suffixes =
        [
            ("pp", QuantityUnit.Proportion, 0.01),
            ("ms", QuantityUnit.Milliseconds, 1),
            ("%", QuantityUnit.Relative, 0.01),
            ("s", QuantityUnit.Milliseconds, 1000),
        ];
        foreach (var (suffix, unit, scale) in suffixes)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                if (!TryNumber(t[..^suffix.Length], out var value))
                {
                    return false;
                }

                quantity = new Quantity(value * scale, unit);
                return true;
            }
        }

        if (!TryNumber(t, out var plain))
        {
            return false;
        }

        quantity = new Quantity(plain, QuantityUnit.Number);
        return true;
    }

    /// <summary>The quantity as people write it: <c>+0.5pp</c>, <c>150ms</c>, <c>5%</c>.</summary>
    public override string ToString() => Unit switch
    {
        QuantityUnit.Proportion => F(Value * 100) + "pp",
        QuantityUnit.Relative => F(Value * 100) + "%",
        QuantityUnit.Milliseconds => F(Value) + "ms",
        _ => F(Value),
    };

    private static string F(double v) => Math.Round(v, 10).ToString("0.##########", CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
