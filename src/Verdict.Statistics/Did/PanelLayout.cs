using System.Globalization;

namespace Verdict.Statistics.Did;

/// <summary>A panel's units, periods and clusters as dense indices, each unit's adoption, and why the design cannot be estimated, if it cannot.</summary>
internal sealed class PanelLayout
{
    private PanelLayout(int[] units, int[] periods, int[] clusters, int[] periodLabels, bool[] everTreated)
    {
        Units = units;
        Periods = periods;
        Clusters = clusters;
        PeriodLabels = periodLabels;
        EverTreated = everTreated;
    }

    public int[] Units { get; }

    public int[] Periods { get; }

    public int[] Clusters { get; }

    /// <summary>The caller's period numbers, in order; <see cref="Periods"/> index into it.</summary>
    public int[] PeriodLabels { get; }

    public bool[] EverTreated { get; }

    /// <summary>Each unit's first treated period index (int.MaxValue when never treated).</summary>
    public int[] FirstTreated { get; private set; } = [];

    /// <summary>True when the refusal is staggered adoption (which <see cref="StaggeredDifferenceInDifferences"/> estimates).</summary>
    public bool IsStaggered { get; private set; }

    /// <summary>The period index at which treated units adopt (one for all of them), when the design is valid.</summary>
    public int? Adoption { get; private set; }

    public string? Refusal { get; private set; }

    public int TreatedUnitCount => EverTreated.Count(t => t);

    public int ControlUnitCount => EverTreated.Length - TreatedUnitCount;

    public static PanelLayout Of(IReadOnlyList<PanelObservation> panel, DidOptions options)
    {
        var unitIndex = new Dictionary<int, int>();
        var clusterIndex = new Dictionary<int, int>();
        var labels = panel.Select(o => o.Period).Distinct().Order().ToArray();
        var periodIndex = labels.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var n = panel.Count;
        var units = new int[n];
        var periods = new int[n];
        var clusters = new int[n];
        for (var i = 0; i < n; i++)
        {
            var o = panel[i];
            Guard.Finite(o.Outcome, $"panel[{i}].Outcome");
            units[i] = unitIndex.TryGetValue(o.Unit, out var u) ? u : unitIndex[o.Unit] = unitIndex.Count;
            clusters[i] = clusterIndex.TryGetValue(o.Cluster, out var c) ? c : clusterIndex[o.Cluster] = clusterIndex.Count;
            periods[i] = periodIndex[o.Period];
        }

        var firstTreated = Enumerable.Repeat(int.MaxValue, unitIndex.Count).ToArray();
        var lastUntreated = Enumerable.Repeat(-1, unitIndex.Count).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (panel[i].Treated)
            {
                firstTreated[units[i]] = Math.Min(firstTreated[units[i]], periods[i]);
            }
            else
            {
                lastUntreated[units[i]] = Math.Max(lastUntreated[units[i]], periods[i]);
            }
        }

        var layout = new PanelLayout(units, periods, clusters, labels, firstTreated.Select(f => f != int.MaxValue).ToArray());
        var unitLabels = unitIndex.ToDictionary(p => p.Value, p => options.UnitName?.Invoke(p.Key) ?? p.Key.ToString(CultureInfo.InvariantCulture));
        var names = labels.Select(l => options.PeriodName?.Invoke(l) ?? l.ToString(CultureInfo.InvariantCulture)).ToArray();
        layout.FirstTreated = firstTreated;
        layout.Refusal = Check(layout, firstTreated, lastUntreated, unitLabels, names);
        layout.IsStaggered = layout.Refusal?.StartsWith(StaggeredPrefix, StringComparison.Ordinal) == true;
        if (layout.Refusal is null)
        {
            layout.Adoption = firstTreated.Min();
        }

        return layout;
    }

    private const string StaggeredPrefix = "staggered adoption";

    private static string? Check(PanelLayout layout, int[] firstTreated, int[] lastUntreated, Dictionary<int, string> unitLabels, string[] labels)
    {
        if (layout.Units.Length == 0)
        {
            return "the panel is empty";
        }

        for (var u = 0; u < firstTreated.Length; u++)
        {
            if (firstTreated[u] != int.MaxValue && lastUntreated[u] > firstTreated[u])
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"unit {unitLabels[u]} is treated in period {labels[firstTreated[u]]} but not in period {labels[lastUntreated[u]]}: treatment must stay on once adopted");
            }
        }

        // A unit adopted somewhere in (last untreated, first treated]; in an unbalanced panel that is a window, not a
        // period. The treated units share one adoption period exactly when their windows overlap.
        var treatedUnits = Enumerable.Range(0, firstTreated.Length).Where(u => firstTreated[u] != int.MaxValue).ToArray();
        if (treatedUnits.Length == 0)
        {
            return "no unit is ever treated";
        }

        if (layout.ControlUnitCount == 0)
        {
            return "every unit is treated at some point: there are no never-treated units to compare with";
        }

        var earliest = treatedUnits.Min(u => firstTreated[u]);
        var latestStart = treatedUnits.Max(u => lastUntreated[u] + 1);
        if (latestStart > earliest)
        {
            var cohorts = treatedUnits.Select(u => firstTreated[u]).Distinct().Order();
            return string.Create(CultureInfo.InvariantCulture,
                $"{StaggeredPrefix}: units first treated in periods {string.Join(", ", cohorts.Select(c => labels[c]))}. The two-way fixed-effects estimate is biased when adoption is staggered and effects vary (Goodman-Bacon 2021), so it is not computed; the group-time estimator (StaggeredDifferenceInDifferences, which verdict did uses for such panels) compares each cohort with the never-treated units instead");
        }

        var cohorts0 = new[] { earliest };
        return earliest == 0 ? "treated units are treated from the first period: there is no pre-period to difference" : null;
    }
}
