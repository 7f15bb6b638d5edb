using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.Server;

/// <summary>
/// The server's reading connection: analyses and enrollment lookups, one at a time (an ADO.NET connection is not
/// thread-safe). It is separate from the writer's connection, so an analysis never blocks ingestion.
/// </summary>
public sealed class StoreReader(EventStore store) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The analysis of <paramref name="brief"/> over the store, by the same code path as <c>verdict analyze</c>.</summary>
    public async Task<AnalysisReport> AnalyzeAsync(ExperimentBrief brief, DateTimeOffset? asOf, string? treatmentArm, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = ServerTelemetry.Source.StartActivity("verdict.analyze");
            activity?.SetTag("verdict.experiment", brief.Key);
            var plan = ResolvedPlan.From(brief);
            IMetricSource source = new SqlMetricSource(store);
            var data = await source.LoadAsync(plan, asOf, cancellationToken).ConfigureAwait(false);
            return LaunchAnalyzer.Analyze(plan, data, asOf, treatmentArm);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on the reading connection, alone (the monitor's window pass).</summary>
    public async Task<T> ReadAsync<T>(Func<EventStore, T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(store);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The arm a unit was first exposed to in one experiment version, or null when it never was.</summary>
    public async Task<string?> EnrolledArmAsync(string experiment, int version, string unitId, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var p = new SqlParameters(store.Dialect);
            using var reader = store.Query($"SELECT arm FROM exposures WHERE experiment = {p.Add(experiment)} AND version = {p.Add(version)} AND unit_id = {p.Add(unitId)} ORDER BY ts LIMIT 1", p.Values);
            return reader.Read() ? reader.GetString(0) : null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when the store answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A constant query: a readiness probe must not scan the tables (COUNT(*) did, on every probe).
            using var reader = store.Query("SELECT 1", []);
            return reader.Read();
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        store.Dispose();
        gate.Dispose();
    }
}
