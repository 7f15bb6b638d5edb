using System.Globalization;
using Verdict.Cli.Commands.Tabular;
using Verdict.Statistics.Did;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>
/// Reads a unit-by-period panel (docs/quasi-experiments.md): <c>unit</c>, <c>period</c> (a whole number or an
/// ISO date), <c>treated</c> (0/1 or true/false) and the outcome column; optionally a cluster column.
/// </summary>
internal static class PanelFile
{
    /// <summary>The observations, the period labels in order (index = <see cref="PanelObservation.Period"/>) and the unit labels (index = unit).</summary>
    public static (List<PanelObservation> Panel, string[] Periods, string[] Units) Read(string path, string outcome, string? cluster)
    {
        var records = RecordFile.Read(path, "panel file");
        var periodTexts = records.Select(r => r.RequiredText("period")).Distinct(StringComparer.Ordinal).ToList();
        var periods = OrderPeriods(periodTexts, records[0].Where);
        var periodIndex = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = new Dictionary<string, int>(StringComparer.Ordinal);
        var panel = new List<PanelObservation>(records.Count);
        var seen = new Dictionary<(string Unit, string Period), string>();
        foreach (var record in records)
        {
            if (!seen.TryAdd((record.RequiredText("unit"), record.RequiredText("period")), record.Where))
            {
                throw new CliException($"{record.Where}: unit \"{record.Text("unit")}\" already has a row for period \"{record.Text("period")}\" ({seen[(record.Text("unit")!, record.Text("period")!)]}); give one row per unit and period");
            }

            var unit = record.RequiredText("unit");
            var clusterKey = cluster is null ? unit : record.RequiredText(cluster);
            var u = units.TryGetValue(unit, out var ui) ? ui : units[unit] = units.Count;
            var c = clusters.TryGetValue(clusterKey, out var ci) ? ci : clusters[clusterKey] = clusters.Count;
            var y = record.RequiredNumber(outcome);
            panel.Add(new PanelObservation(u, periodIndex[record.RequiredText("period")], c, Treated(record), y));
        }

        return (panel, [.. periods], [.. units.Keys]);
    }

    private static bool Treated(TableRecord record) => record.RequiredText("treated").Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        var other => throw new CliException($"{record.Where}: \"treated\" must be 0/1 or true/false, got \"{other}\""),
    };

    /// <summary>Periods in time order: as numbers when all are whole numbers, as dates when all are ISO dates.</summary>
    private static List<string> OrderPeriods(List<string> periods, string where)
    {
        if (periods.All(p => long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return [.. periods.OrderBy(p => long.Parse(p, CultureInfo.InvariantCulture))];
        }

        if (periods.All(p => DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
        {
            return [.. periods.OrderBy(p => DateTimeOffset.Parse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))];
        }

        var bad = periods.First(p => !long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && !DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        throw new CliException($"{where.Split(" line")[0]}: \"period\" must be whole numbers or ISO dates throughout, got \"{bad}\"");
    }
}
