using System.Diagnostics;
using System.Text;
using Verdict.Server.ControlPlane;
using Verdict.Server.Ingestion;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Ingestion;

namespace Verdict.Benchmarks.Online;

/// <summary>
/// `online-timed stages [batches] [group]`: the server's ingestion stages timed one by one on a single thread (no HTTP),
/// over bounded batches of 1 000 NDJSON events committed <c>group</c> batches at a time into a DuckDB file that remembers
/// its keys, as the server's writer does: UTF-8 check, parse and check (<see cref="Utf8Rows"/>), hold in the loader, commit;
/// then the raw Appender loop of <c>ingest</c> over the same number of rows, wall and CPU time.
/// </summary>
internal static class IngestionStages
{
    public static int Run(string directory, string[] args)
    {
        var (batches, group) = (OnlineTimedRun.Arg(args, 2, 200), OnlineTimedRun.Arg(args, 3, 4));
        var registry = new Registry(new ControlPlaneStore(DuckDbEventStore.Open(":memory:")), TimeProvider.System);
        using var store = DuckDbEventStore.Open(Path.Combine(directory, "verdict.duckdb")).RememberKeys();
        var template = OnlineTimedRun.Template(1000);
        long decode = 0, parse = 0, stage = 0, commit = 0;
        TimeSpan parseCpu = TimeSpan.Zero, commitCpu = TimeSpan.Zero;
        using var self = Process.GetCurrentProcess();
        for (var b = 0; b < batches; b += group)
        {
            var parsed = new List<EventBatch>();
            self.Refresh();
            var c0 = self.TotalProcessorTime;
            for (var g = 0; g < group; g++)
            {
                var bytes = Encoding.UTF8.GetBytes(template.Replace("{B}", (b + g).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                var t0 = Stopwatch.GetTimestamp();
                var valid = System.Text.Unicode.Utf8.IsValid(bytes);
                var t1 = Stopwatch.GetTimestamp();
                var batch = new EventBatch(registry, DateTimeOffset.MaxValue, 10_000);
                if (!valid || !Utf8Rows.TryRead(bytes, batch, out _))
                {
                    throw new InvalidOperationException("the fast path declined the benchmark's body");
                }

                var t2 = Stopwatch.GetTimestamp();
                (decode, parse) = (decode + t1 - t0, parse + t2 - t1);
                parsed.Add(batch);
            }

            self.Refresh();
            var c1 = self.TotalProcessorTime;
            var s0 = Stopwatch.GetTimestamp();
            using var loader = store.BeginLoad();
            foreach (var batch in parsed)
            {
                foreach (var e in batch.Events)
                {
                    loader.Add(e);
                }
            }

            var s1 = Stopwatch.GetTimestamp();
            loader.Commit();
            var s2 = Stopwatch.GetTimestamp();
            (stage, commit) = (stage + s1 - s0, commit + s2 - s1);
            self.Refresh();
            (parseCpu, commitCpu) = (parseCpu + c1 - c0, commitCpu + self.TotalProcessorTime - c1);
        }

        double PerEvent(long ticks) => ticks * 1e6 / Stopwatch.Frequency / (batches * 1000.0);
        Console.WriteLine($"per event (µs): UTF-8 check {PerEvent(decode):0.000}, parse+check {PerEvent(parse):0.000}, stage {PerEvent(stage):0.000}, commit {PerEvent(commit):0.000}; total {PerEvent(decode + parse + stage + commit):0.000}");
        Console.WriteLine($"CPU per event (µs, all threads): decode+parse+check {parseCpu.TotalMicroseconds / (batches * 1000.0):0.000}, stage+commit {commitCpu.TotalMicroseconds / (batches * 1000.0):0.000}");
        self.Refresh();
        var rawCpu = self.TotalProcessorTime;
        var rawRate = OnlineTimedRun.RawAppender(Path.Combine(directory, "raw.duckdb"), batches * 1000L, 1000);
        self.Refresh();
        Console.WriteLine($"raw Appender: {rawRate:N0} events/s, CPU per event {(self.TotalProcessorTime - rawCpu).TotalMicroseconds / (batches * 1000.0):0.000} µs");
        return 0;
    }
}
