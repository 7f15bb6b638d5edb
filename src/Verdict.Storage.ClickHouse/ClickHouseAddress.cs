namespace Verdict.Storage.ClickHouse;

/// <summary>
/// A ClickHouse store URI: <c>clickhouse://[user[:password]@]host:port[,host:port…][/database][?cluster=name][&amp;max_memory_usage=bytes]</c>.
/// The hosts are the HTTP endpoints of every shard (the store creates its tables on each, as there is no ZooKeeper
/// for <c>ON CLUSTER</c>); the first also runs the queries. <c>cluster</c> names the <c>remote_servers</c> entry the
/// Distributed tables spread over (default <c>verdict</c>); the database defaults to <c>default</c>;
/// <c>max_memory_usage</c> raises or lowers the server's per-query memory limit for this store's queries.
/// </summary>
public sealed record ClickHouseAddress(IReadOnlyList<Uri> Endpoints, string Database, string Cluster, string? User, string? Password)
{
    /// <summary>The per-query memory limit in bytes sent with every query (ClickHouse's <c>max_memory_usage</c>), or null for the server's.</summary>
    public long? MaxMemoryUsage { get; init; }

    /// <summary>True when <paramref name="text"/> is a ClickHouse URI.</summary>
    public static bool IsClickHouse(string text) => text.StartsWith("clickhouse://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a URI; a malformed one throws <see cref="ArgumentException"/> saying which part is wrong.</summary>
    public static ClickHouseAddress Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (!IsClickHouse(text))
        {
            throw new ArgumentException("a ClickHouse store URI starts with clickhouse://", nameof(text));
        }

        var rest = text["clickhouse://".Length..];
        string? query = null;
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var database = "default";
        if (rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            database = rest[(slash + 1)..] is { Length: > 0 } db ? Uri.UnescapeDataString(db) : database;
            rest = rest[..slash];
        }

        string? user = null, password = null;
        if (rest.LastIndexOf('@') is var at and >= 0)
        {
            var info = rest[..at].Split(':', 2);
            user = Uri.UnescapeDataString(info[0]);
            password = info.Length > 1 ? Uri.UnescapeDataString(info[1]) : null;
            rest = rest[(at + 1)..];
        }

        var endpoints = rest.Split(',').Select(Endpoint).ToList();
        var cluster = "verdict";
        long? memory = null;
        foreach (var pair in (query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv[0] == "max_memory_usage" && kv.Length == 2)
            {
                memory = long.TryParse(kv[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                    ? bytes
                    : throw new ArgumentException($"ClickHouse URI: max_memory_usage must be a positive whole number of bytes, not '{kv[1]}'", nameof(text));
                continue;
            }

            cluster = kv[0] == "cluster" && kv.Length == 2
                ? Uri.UnescapeDataString(kv[1])
                : throw new ArgumentException($"unknown ClickHouse URI option '{kv[0]}' (known: cluster, max_memory_usage)", nameof(text));
        }

        try
        {
            ClickHouseSql.Identifier(database);
            ClickHouseSql.Identifier(cluster);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"ClickHouse URI: database and cluster names must be plain identifiers: {e.Message}", nameof(text), e);
        }

        return new ClickHouseAddress(endpoints, database, cluster, user, password) { MaxMemoryUsage = memory };
    }

    private static Uri Endpoint(string hostPort)
    {
        if (hostPort.Length == 0 || !Uri.TryCreate("http://" + hostPort + "/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"ClickHouse URI: '{hostPort}' is not host:port", nameof(hostPort));
        }

        return uri.IsDefaultPort && !hostPort.EndsWith(":80", StringComparison.Ordinal) ? new Uri($"http://{uri.Host}:8123/") : uri;
    }

    /// <summary>The address without credentials, for messages.</summary>
    public override string ToString() =>
        $"clickhouse://{string.Join(',', Endpoints.Select(e => e.Authority))}/{Database}?cluster={Cluster}"
        + (MaxMemoryUsage is { } bytes ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"&max_memory_usage={bytes}") : string.Empty);
}
