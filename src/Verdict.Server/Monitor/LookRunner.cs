using System.Text.Json;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Monitoring;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.Server.Monitor;

/// <summary>
/// The monitor's registered sequential looks (docs/monitor.md, "Sequential looks"): one <see cref="LookSchedule"/> per
/// running group-sequential version. A pass counts the exposed units first (cheap); only when the next registered look
/// may be reached does it load the analysis's data, take the look and write it to the audit log as <c>monitor_look</c>.
/// The looks already taken are read back from the audit log, so a restarted server never takes a look twice.
/// </summary>
public sealed class LookRunner(Registry registry, StoreReader reader)
{
    /// <summary>The audit action of a look.</summary>
    public const string Action = "monitor_look";

    private readonly Dictionary<(string Key, int Version), LookSchedule> schedules = [];

    /// <summary>Takes the looks of <paramref name="record"/> reached by the events up to <paramref name="asOf"/>; returns them (empty when none is due).</summary>
    public async Task<IReadOnlyList<LookRecord>> RunAsync(ExperimentRecord record, ExperimentBrief brief, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!LookSchedule.Runs(brief))
        {
            return [];
        }

        if (!schedules.TryGetValue((record.Key, record.Version), out var schedule))
        {
            var taken = registry.Audit(record.Key).Where(a => a.Version == record.Version && a.Action == Action).Select(a => a.After);
            schedule = schedules[(record.Key, record.Version)] = new LookSchedule(brief, LookSchedule.HistoryIn(taken));
        }

        if (schedule.Next is null)
        {
            return [];
        }

        var looks = await reader.ReadAsync(
            store => schedule.MayBeDue(ExposedUnits(store, brief, asOf)) ? schedule.Take(new SqlMetricSource(store).Load(brief, asOf), asOf) : [],
            cancellationToken).ConfigureAwait(false);
        foreach (var look in looks)
        {
            registry.Note(record.Key, record.Version, MonitorRunner.Actor, Action, LookText.Summary(look), JsonSerializer.Serialize(look, MonitorJson.Options));
        }

        return looks;
    }

    /// <summary>Distinct units exposed per arm up to <paramref name="asOf"/>: an upper bound of the analysed units.</summary>
    private static Dictionary<string, long> ExposedUnits(EventStore store, ExperimentBrief brief, DateTimeOffset asOf)
    {
        var p = new SqlParameters(store.Dialect);
        using var rows = store.Query(
            $"SELECT arm, COUNT(DISTINCT unit_id) FROM exposures WHERE experiment = {p.Add(brief.Key)} AND version = {p.Add(brief.Version)} AND ts <= {p.Add(EventLoader.ToMicroseconds(asOf))} GROUP BY arm",
            p.Values);
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        while (rows.Read())
        {
            units[rows.GetString(0)] = Convert.ToInt64(rows.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return units;
    }
}
