using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;

namespace Verdict.Storage.Sql;

/// <summary>
/// The exposure side of a population summary, read the same way from every store: per arm the exposures (the arms the
/// brief does not know count as unknown), the last exposure, and the exposures whose receipt hash is not their arm's.
/// </summary>
internal sealed record ExposureSummary(Dictionary<string, long> Mismatches, long Unknown, DateTimeOffset? Last)
{
    /// <summary>Reads the brief's exposures at or before <paramref name="limit"/> (microseconds) from <see cref="EventStore.ExposureRows"/>.</summary>
    public static ExposureSummary Read(EventStore store, ExperimentBrief brief, long limit)
    {
        var q = new SqlParameters(store.Dialect);
        var expected = store.Dialect.Choose("arm", brief.Arms.Select(arm => (q.Add(arm.Name), q.Add(ReceiptHash.Of(arm.Receipt)))).ToList());
        var mismatches = brief.Arms.ToDictionary(a => a.Name, _ => 0L, StringComparer.Ordinal);
        long unknown = 0;
        DateTimeOffset? last = null;
        using var reader = store.Query($"""
            SELECT arm, COUNT(*) AS n, MAX(ts) AS last_ts,
                   SUM(CASE WHEN receipt_hash IS NOT NULL AND receipt_hash <> {expected} THEN 1 ELSE 0 END) AS mismatched
            FROM {store.ExposureRows}
            WHERE experiment = {q.Add(brief.Key)} AND version = {q.Add(brief.Version)} AND ts <= {q.Add(limit)}
            GROUP BY arm
            """, q.Values);
        while (reader.Read())
        {
            var arm = reader.GetString(0);
            var lastTs = EventLoader.FromMicroseconds(DbValue.Long(reader["last_ts"]));
            last = last is null || lastTs > last ? lastTs : last;
            if (mismatches.ContainsKey(arm))
            {
                mismatches[arm] = reader.IsDBNull(3) ? 0 : DbValue.Long(reader["mismatched"]);
            }
            else
            {
                unknown += DbValue.Long(reader["n"]);
            }
        }

        return new ExposureSummary(mismatches, unknown, last);
    }

    /// <summary>The population summary from these exposure facts and the analysed units' counts.</summary>
    public PopulationSummary Population(
        ExperimentBrief brief,
        Dictionary<string, long> perArm,
        Dictionary<string, Dictionary<string, Dictionary<string, long>>> perSegment,
        Dictionary<string, long>? clusters,
        (long Multi, long BurnIn, DateTimeOffset? First) units) => new()
    {
        UnitsPerArm = brief.Arms.ToDictionary(a => a.Name, a => perArm.GetValueOrDefault(a.Name), StringComparer.Ordinal),
        // Sorted, so every check and outcome built from these comes out in the same order whatever order the SQL rows had.
        UnitsPerSegment = new SortedDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>(
            perSegment.ToDictionary(
                s => s.Key,
                s => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>)new SortedDictionary<string, IReadOnlyDictionary<string, long>>(
                    s.Value.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, long>)v.Value, StringComparer.Ordinal), StringComparer.Ordinal),
                StringComparer.Ordinal),
            StringComparer.Ordinal),
        ClustersPerArm = clusters is null ? null : brief.Arms.ToDictionary(a => a.Name, a => clusters.GetValueOrDefault(a.Name), StringComparer.Ordinal),
        MultiArmUnits = units.Multi,
        BurnInUnits = units.BurnIn,
        ReceiptMismatches = Mismatches,
        UnknownArmExposures = Unknown,
        FirstExposure = units.First,
        LastExposure = Last,
    };
}
