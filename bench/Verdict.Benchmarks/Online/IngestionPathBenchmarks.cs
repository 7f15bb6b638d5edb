using System.Text;
using BenchmarkDotNet.Attributes;
using Verdict.Server.ControlPlane;
using Verdict.Server.Ingestion;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Ingestion;

namespace Verdict.Benchmarks.Online;

/// <summary>
/// Where a batch of 1 000 events spends its time in the server: parsing and checking the body (the same row reader as
/// `verdict ingest`), and the group commit into a DuckDB store that already holds <see cref="StoredRows"/> events
/// (the merge skips keys already stored: with an anti-join over the table, or, when the store remembers its keys'
/// hashes as the server's writer does, without one for a batch of new keys).
/// </summary>
[MemoryDiagnoser]
public class IngestionPathBenchmarks
{
    private const int BatchRows = 1000;
    private string body = null!;
    private Registry registry = null!;
    private DuckDbEventStore store = null!;
    private string directory = null!;
    private int batch;

    [Params(0, 2_000_000)]
    public int StoredRows { get; set; }

    /// <summary>Whether the store keeps its keys' hashes (as `verdict serve`'s writer does) or merges with an anti-join.</summary>
    [Params(false, true)]
    public bool RememberKeys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        body = Body(0);
        registry = new Registry(new ControlPlaneStore(DuckDbEventStore.Open(":memory:")), TimeProvider.System);
        directory = Directory.CreateTempSubdirectory("verdict-ingest-bench-").FullName;
        store = DuckDbEventStore.Open(Path.Combine(directory, "verdict.duckdb"));
        for (var filled = 0; filled < StoredRows; filled += 50_000)
        {
            using var loader = store.BeginLoad();
            var rows = new EventBatch(registry, DateTimeOffset.MaxValue);
            JsonRows.Read(Body(-1 - filled / BatchRows, 50_000), "fill", rows);
            foreach (var e in rows.Events)
            {
                loader.Add(e);
            }

            loader.Commit();
        }

        if (RememberKeys)
        {
            store.RememberKeys();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "parse and check 1 000 NDJSON rows")]
    public int Parse()
    {
        var rows = new EventBatch(registry, DateTimeOffset.MaxValue);
        JsonRows.Read(body, "body", rows);
        return rows.Count;
    }

    [Benchmark(Description = "parse, check and commit 1 000 new rows")]
    public (long, long) ParseAndCommit()
    {
        var rows = new EventBatch(registry, DateTimeOffset.MaxValue);
        JsonRows.Read(Body(++batch), "body", rows);
        using var loader = store.BeginLoad();
        foreach (var e in rows.Events)
        {
            loader.Add(e);
        }

        return loader.Commit();
    }

    private static string Body(int batch, int rows = BatchRows)
    {
        var text = new StringBuilder(rows * 160);
        for (var r = 0; r < rows; r++)
        {
            text.Append("{\"type\":\"event\",\"name\":\"answer_generated\",\"unit_id\":\"u-").Append(r % 97)
                .Append("\",\"timestamp\":\"2026-05-18T08:00:00.000Z\",\"value\":").Append(r)
                .Append(",\"properties\":{\"latency_ms\":\"1200\"},\"idempotency_key\":\"b").Append(batch).Append("-r").Append(r).Append("\"}\n");
        }

        return text.ToString();
    }
}
