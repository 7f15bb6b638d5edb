using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Yaml;

/// <summary>
/// Reads a change on a metric (budget, MDE, ship threshold) in that metric's unit and normalizes it: on a proportion
/// <c>0.5pp</c> and <c>0.005</c> are the same; on milliseconds <c>0.15s</c> and <c>150ms</c> are.
/// </summary>
internal static class ChangeReader
{
    public static Quantity? Read(YamlFields f, string key, MetricUnit? unit, bool required = false)
    {
        var text = f.String(key, required);
        if (text is null)
        {
            return null;
        }

        var expected = unit is { } u ? Vocabulary.Expected(u) : "a number with a unit such as 0.5pp, 150ms or 5%";
        if (!Quantity.TryParse(text, out var quantity))
        {
            f.Error(key, $"expected {expected}, got \"{text}\"");
            return null;
        }

        if (quantity.IsRelative || unit is null)
        {
            return quantity;
        }

        var normalized = (unit.Value, quantity.Unit) switch
        {
            (MetricUnit.Proportion, QuantityUnit.Proportion) => quantity,
            (MetricUnit.Proportion, QuantityUnit.Number) => quantity with { Unit = QuantityUnit.Proportion },
            (MetricUnit.Milliseconds, QuantityUnit.Milliseconds) => quantity,
            (MetricUnit.Milliseconds, QuantityUnit.Number) => quantity with { Unit = QuantityUnit.Milliseconds },
            (MetricUnit.Count or MetricUnit.Number, QuantityUnit.Number) => quantity,
            _ => (Quantity?)null,
        };
        if (normalized is null)
        {
            f.Error(key, $"expected {expected}, got \"{text}\"");
        }

        return normalized;
    }
}
