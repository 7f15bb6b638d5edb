using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using DuckDB.NET.Data;

namespace Verdict.Benchmarks.Online;

/// <summary>
/// Load runs against `verdict serve` in a second process (loopback), bounded in time and count:
/// <c>ingest [seconds] [batch] [clients]</c> — events/s and acknowledgement latency against a raw DuckDB Appender loop
/// writing the same rows in the same run; <c>latency [seconds] [rate]</c> — p50/p99 of <c>/config</c> (304) and
/// <c>/assign</c> at a fixed open-loop rate.
/// </summary>
internal static class OnlineTimedRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 1 ? args[1] : "ingest";
        var directory = Directory.CreateTempSubdirectory("verdict-online-bench-").FullName;
        try
        {
            return mode == "latency" ? await LatencyAsync(directory, args) : await IngestAsync(directory, args);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static async Task<int> IngestAsync(string directory, string[] args)
    {
        var (seconds, batch, clients) = (Arg(args, 2, 60), Arg(args, 3, 1000), Arg(args, 4, 4));
        await using var server = await ServeProcess.StartAsync(directory);
        var template = Template(batch);
        var latencies = new List<double>[clients];
        var batches = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            using var http = server.Client(server.Sdk, 2);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var number = Interlocked.Increment(ref batches);
                using var content = new StringContent(template.Replace("{B}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, "application/x-ndjson");
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/api/v1/events", content);
                if (response.IsSuccessStatusCode)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var memory = server.Memory();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var rows = (long)all.Length * batch;
        var httpRate = rows / elapsed;

        var raw = RawAppender(Path.Combine(directory, "raw.duckdb"), rows, batch);
        Console.WriteLine($"ingest over HTTP: {rows:N0} events acknowledged in {elapsed:0.0} s = {httpRate:N0} events/s ({clients} clients, batches of {batch})");
        Console.WriteLine($"  ack latency p50 {Percentile(all, 0.50):0.0} ms, p99 {Percentile(all, 0.99):0.0} ms; server RSS {memory.Rss:0} MiB, peak {memory.Peak:0} MiB");
        Console.WriteLine($"raw DuckDB Appender, same rows, one transaction per batch of {batch}: {raw:N0} events/s");
        Console.WriteLine($"ratio HTTP / raw: {httpRate / raw:0.000}");
        return 0;
    }

    /// <summary>The same rows through DuckDB's Appender into the events table's shape, one transaction per batch.</summary>
    private static double RawAppender(string path, long rows, int batch)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (idempotency_key VARCHAR NOT NULL, name VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, ts BIGINT NOT NULL, value DOUBLE, properties VARCHAR)";
            create.ExecuteNonQuery();
        }

        var started = Stopwatch.GetTimestamp();
        for (long b = 0; b < rows / batch; b++)
        {
            using var transaction = connection.BeginTransaction();
            using (var appender = connection.CreateAppender("events"))
            {
                for (var r = 0; r < batch; r++)
                {
                    appender.CreateRow().AppendValue($"b{b}-r{r}").AppendValue("answer_generated").AppendValue($"u-{r % 97}")
                        .AppendValue(1_779_091_200_000_000L + r).AppendValue((double)r).AppendValue("{\"latency_ms\":\"1200\"}").EndRow();
                }
            }

            transaction.Commit();
        }

        return rows / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static string Template(int batch)
    {
        var body = new StringBuilder();
        for (var r = 0; r < batch; r++)
        {
            body.Append("{\"type\":\"event\",\"name\":\"answer_generated\",\"unit_id\":\"u-").Append(r % 97)
                .Append("\",\"timestamp\":\"2026-05-18T08:00:00.000Z\",\"value\":").Append(r)
                .Append(",\"properties\":{\"latency_ms\":\"1200\"},\"idempotency_key\":\"b{B}-r").Append(r).Append("\"}\n");
        }

        return body.ToString();
    }

    private static async Task<int> LatencyAsync(string directory, string[] args)
    {
        var (seconds, rate) = (Arg(args, 2, 10), Arg(args, 3, 5000));
        await using var server = await ServeProcess.StartAsync(directory);
        using var http = server.Client(server.Sdk, 128);
        var etag = (await http.GetAsync("/api/v1/config")).Headers.ETag!.Tag;
        foreach (var route in new[] { "config-304", "assign" })
        {
            var total = seconds * rate;
            var latencies = new double[total];
            var service = new double[total];
            var failures = 0;
            var start = Stopwatch.GetTimestamp();
            var tasks = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                // Open loop: request i is due at start + i/rate; latency counts from when it was due (no coordinated omission).
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                while (Stopwatch.GetTimestamp() < due)
                {
                    if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 1000)
                    {
                        await Task.Delay(1);
                    }
                    else
                    {
                        Thread.SpinWait(20);
                    }
                }

                var index = i;
                tasks.Add(Task.Run(async () =>
                {
                    using var request = route == "assign"
                        ? new HttpRequestMessage(HttpMethod.Post, "/api/v1/assign") { Content = JsonContent.Create(new { experiment = "refund-query-rewrite", unit_id = "customer-" + index }) }
                        : new HttpRequestMessage(HttpMethod.Get, "/api/v1/config");
                    if (route != "assign")
                    {
                        request.Headers.IfNoneMatch.ParseAdd(etag);
                    }

                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    service[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (!(response.IsSuccessStatusCode || (int)response.StatusCode == 304))
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                }));
            }

            await Task.WhenAll(tasks);
            var achieved = total / Stopwatch.GetElapsedTime(start).TotalSeconds;
            Array.Sort(latencies);
            Array.Sort(service);
            Console.WriteLine($"{route}: {total:N0} requests at {rate}/s (achieved {achieved:N0}/s), failures {failures}");
            Console.WriteLine($"  from when due:  p50 {Percentile(latencies, 0.5):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, p99.9 {Percentile(latencies, 0.999):0.00} ms");
            Console.WriteLine($"  from when sent: p50 {Percentile(service, 0.5):0.00} ms, p99 {Percentile(service, 0.99):0.00} ms, p99.9 {Percentile(service, 0.999):0.00} ms");
        }

        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
