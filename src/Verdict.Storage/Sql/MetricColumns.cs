namespace Verdict.Storage.Sql;

/// <summary>
/// The per-unit columns an analysis needs: one per metric the brief uses (including ratio parts) and one per CUPED
/// covariate, named m0, m1, … and c0, c1, … so no user text becomes an identifier.
/// </summary>
internal sealed class MetricColumns
{
    public MetricColumns(Verdict.Experiments.Briefs.ExperimentBrief brief)
    {
        var used = new List<string> { brief.PrimaryMetric };
        used.AddRange(brief.Guardrails.Select(g => g.Metric));
        used.AddRange(brief.SecondaryMetrics);
        foreach (var name in used.ToList())
        {
            var definition = brief.Metrics[name];
            if (definition.Type == Verdict.Experiments.Metrics.MetricType.Ratio)
            {
                used.Add(definition.Numerator!);
                used.Add(definition.Denominator!);
            }
        }

        Analysed = used.Distinct(StringComparer.Ordinal).ToList();
        var plain = Analysed.Where(m => brief.Metrics[m].Type != Verdict.Experiments.Metrics.MetricType.Ratio).ToList();
        for (var i = 0; i < plain.Count; i++)
        {
            Value[plain[i]] = "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var c = 0;
        foreach (var name in plain)
        {
            if (brief.Metrics[name].Covariate is not null)
            {
                Covariate[name] = "c" + (c++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Every metric the analysis reports, in brief order, plus ratio parts.</summary>
    public IReadOnlyList<string> Analysed { get; }

    /// <summary>Metric name → per-unit value column (non-ratio metrics).</summary>
    public Dictionary<string, string> Value { get; } = new(StringComparer.Ordinal);

    /// <summary>Metric name → per-unit covariate column.</summary>
    public Dictionary<string, string> Covariate { get; } = new(StringComparer.Ordinal);
}
