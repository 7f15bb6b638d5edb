using System.Data.Common;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage.ClickHouse.Ado;
using Verdict.Storage.ClickHouse.Analysis;
using Verdict.Storage.ClickHouse.Http;
using Verdict.Storage.Dialects;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// An event store on a ClickHouse cluster: per shard a ReplacingMergeTree table of exposures and one of events, and
/// Distributed tables over them sharded by <c>cityHash64(unit_id)</c>. Queries go to the first endpoint of the URI in
/// one HTTP session (temporary tables live there); the analysis is ClickHouse SQL of its own
/// (<see cref="ClickHouseMetricSource"/>), since the shared SQL needs CTEs, window functions and GROUPING SETS.
/// </summary>
public sealed class ClickHouseEventStore : EventStore
{
    private readonly ClickHouseConnection connection;

    private ClickHouseEventStore(ClickHouseConnection connection, ClickHouseAddress address)
    {
        this.connection = connection;
        Address = address;
        Shards = address.Endpoints.Select(e => new ClickHouseHttpClient(e, address.Database, address.User, address.Password, null, address.MaxMemoryUsage)).ToList();
    }

    /// <inheritdoc/>
    public override SqlDialect Dialect => ClickHouseDialect.Instance;

    /// <inheritdoc/>
    public override DbConnection Connection => connection;

    /// <inheritdoc/>
    public override string Location => Address.ToString();

    /// <summary>Where the store is.</summary>
    public ClickHouseAddress Address { get; }

    /// <summary>The session client that runs queries and loads.</summary>
    internal ClickHouseHttpClient Client => connection.Client;

    /// <summary>One client per shard's endpoint, outside the session: what runs on every shard (the per-shard analysis tables, the schema).</summary>
    internal IReadOnlyList<ClickHouseHttpClient> Shards { get; }

    /// <summary>
    /// Opens the store named by a <c>clickhouse://</c> URI (<see cref="ClickHouseAddress"/>): checks that every endpoint
    /// answers and that the cluster has one shard per endpoint, then creates the database and tables where missing.
    /// </summary>
    public static ClickHouseEventStore Open(string uri)
    {
        var address = ClickHouseAddress.Parse(uri);
        foreach (var endpoint in address.Endpoints)
        {
            using var admin = new ClickHouseHttpClient(endpoint, "default", address.User, address.Password, null);
            if (!admin.Ping())
            {
                throw new StoreUnavailableException($"cannot reach ClickHouse at {endpoint.Authority} ({address})");
            }

            admin.Execute($"CREATE DATABASE IF NOT EXISTS {address.Database}");
        }

        var session = "verdict_" + Guid.NewGuid().ToString("N");
        var store = new ClickHouseEventStore(new ClickHouseConnection(new ClickHouseHttpClient(address.Endpoints[0], address.Database, address.User, address.Password, session, address.MaxMemoryUsage)), address);
        try
        {
            var shards = Convert.ToInt64(store.Client.Query(ClickHouseSql.Bind("SELECT count(DISTINCT shard_num) FROM system.clusters WHERE cluster = {c}", [new("c", address.Cluster)])).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
            if (shards != address.Endpoints.Count)
            {
                throw new StoreUnavailableException($"ClickHouse cluster '{address.Cluster}' has {shards} shards on {address.Endpoints[0].Authority}, but the URI lists {address.Endpoints.Count} endpoints: list every shard's HTTP endpoint ({address})");
            }

            foreach (var ddl in store.Shards)
            {
                foreach (var statement in ClickHouseDialect.Instance.SchemaStatements.Concat(ClickHouseDialect.DistributedStatements(address.Cluster, address.Database)))
                {
                    ddl.Execute(statement);
                }
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override EventLoader BeginLoad() => new ClickHouseEventLoader(this, connection);

    /// <summary>Rows after deduplication (FINAL): an event stored twice by a retried or concurrent load counts once.</summary>
    public override long Count(string table)
    {
        if (table is not ("exposures" or "events"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "expected exposures or events");
        }

        return Convert.ToInt64(Client.Query($"SELECT count() FROM {table} FINAL").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>FINAL keeps one row per key, so an exposure stored twice counts once.</summary>
    internal override string ExposureRows => "exposures FINAL";

    internal override MetricData? LoadMetrics(ExperimentBrief brief, DateTimeOffset? asOf) => new ClickHouseMetricSource(this).Load(brief, asOf);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var shard in Shards)
            {
                shard.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override DbCommand CreateCommand(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction) =>
        new ClickHouseCommand(connection, ClickHouseSql.Bind(sql, parameters));
}
