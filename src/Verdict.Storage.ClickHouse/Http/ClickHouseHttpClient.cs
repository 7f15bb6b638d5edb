using System.Net.Http.Headers;
using System.Text;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// The part of ClickHouse's HTTP interface Verdict uses (docs/architecture.md, "ClickHouse over HTTP"): a statement in
/// the POST body, results as TabSeparatedWithNamesAndTypes, inserts as RowBinary with the statement in the URL, and a
/// <c>session_id</c> that keeps temporary tables between requests. <c>wait_end_of_query=1</c> makes the server buffer
/// the result, so an error that happens late still comes back as an HTTP error rather than a truncated body.
/// </summary>
public sealed class ClickHouseHttpClient : IDisposable
{
    private readonly HttpClient http;
    private readonly string database;
    private readonly string? session;
    private readonly long? maxMemoryUsage;

    /// <summary>A client for one server; with <paramref name="session"/>, every request runs in that session.</summary>
    public ClickHouseHttpClient(Uri endpoint, string database, string? user, string? password, string? session)
        : this(endpoint, database, user, password, session, null)
    {
    }

    /// <summary>As above, with every request limited to <paramref name="maxMemoryUsage"/> bytes when given.</summary>
    public ClickHouseHttpClient(Uri endpoint, string database, string? user, string? password, string? session, long? maxMemoryUsage)
    {
        this.maxMemoryUsage = maxMemoryUsage;
        ArgumentNullException.ThrowIfNull(endpoint);
        this.database = database;
        this.session = session;
        http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromHours(1) };
        if (!string.IsNullOrEmpty(user))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (password ?? string.Empty)));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    /// <summary>The server's address, for messages.</summary>
    public Uri Endpoint => http.BaseAddress!;

    /// <summary>Runs a statement that returns no rows (DDL, INSERT … SELECT).</summary>
    public void Execute(string sql) => Send(sql, null, null).Dispose();

    /// <summary>
    /// Runs a statement whose every aggregation over a Distributed table groups by the unit, the sharding key: each
    /// shard's groups are then final, so the node that asked takes the shards' rows as they are instead of merging
    /// every unit's aggregate states again in one hash table (<c>distributed_group_by_no_merge=1</c>). On 10 M events
    /// the units grouping took 31 s this way against 66 s merged, with the same rows; at 100 M the merge no longer fit
    /// in the receiving node's memory (bench/README.md). Wrong for any other grouping: use it only for per-unit statements.
    /// </summary>
    public void ExecutePerUnit(string sql) => Send(sql, null, null, "&distributed_group_by_no_merge=1").Dispose();

    /// <summary>Runs a query and reads its whole result.</summary>
    public ClickHouseResult Query(string sql)
    {
        using var response = Send(sql + "\nFORMAT TabSeparatedWithNamesAndTypes", null, null);
        return ClickHouseResult.Parse(response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    /// <summary>Sends rows in RowBinary (<see cref="RowBinaryWriter"/>) to <paramref name="table"/>'s <paramref name="columns"/>.</summary>
    public void InsertRowBinary(string table, string columns, byte[] rows, int length) =>
        Send(null, $"INSERT INTO {table} ({columns}) FORMAT RowBinary", new ByteArrayContent(rows, 0, length)).Dispose();

    /// <summary>True when the server answers its /ping.</summary>
    public bool Ping()
    {
        try
        {
            using var response = http.GetAsync(new Uri("ping", UriKind.Relative)).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private HttpResponseMessage Send(string? body, string? urlQuery, HttpContent? content, string settings = "")
    {
        var url = new StringBuilder("?wait_end_of_query=1&insert_distributed_sync=1").Append(settings).Append("&database=").Append(Uri.EscapeDataString(database));
        if (maxMemoryUsage is { } bytes)
        {
            url.Append("&max_memory_usage=").Append(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (session is not null)
        {
            url.Append("&session_id=").Append(session).Append("&session_timeout=3600");
        }

        if (urlQuery is not null)
        {
            url.Append("&query=").Append(Uri.EscapeDataString(urlQuery));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.ToString(), UriKind.Relative))
        {
            Content = content ?? new StringContent(body ?? string.Empty, Encoding.UTF8, "text/plain"),
        };
        HttpResponseMessage response;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            response = http.Send(request, HttpCompletionOption.ResponseContentRead);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseException($"cannot reach ClickHouse at {Endpoint}: {e.Message}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var message = response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Trim();
            response.Dispose();
            throw new ClickHouseException($"ClickHouse at {Endpoint} answered {(int)response.StatusCode}: {message}");
        }

        if (Environment.GetEnvironmentVariable("VERDICT_TRACE_SQL") == "1")
        {
            // As the other stores do (docs/cli.md, VERDICT_TRACE_SQL): each statement's time on standard error.
            var text = (body ?? urlQuery ?? string.Empty).ReplaceLineEndings(" ");
            Console.Error.WriteLine($"[sql {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:0.0} ms] {text[..Math.Min(120, text.Length)]}");
        }

        return response;
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}
