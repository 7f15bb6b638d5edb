using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Experiments.Yaml;
using Verdict.Storage.DuckDb;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// Simulated support-bot stores for the analysis benchmarks, built once per size under the temp directory and reused
/// across runs (building 100 M events takes minutes; analysing them is what is measured).
/// </summary>
internal static class BenchmarkStore
{
    /// <summary>Events per unit the simulator emits on average (measured: 177 558 events for 40 000 units).</summary>
    public const double EventsPerUnit = 4.44;

    /// <summary>Units simulated per load transaction while building a store.</summary>
    private const long UnitsPerLoad = 1_000_000;

    public static string Folder => Path.Combine(Path.GetTempPath(), "verdict-bench");

    public static ExperimentBrief Brief()
    {
        var root = Root();
        var folder = Path.Combine(root, "bench", "Verdict.Benchmarks", "Analysis");
        var result = BriefLoader.LoadFile(Path.Combine(folder, "bench-brief.yaml"));
        return result.IsValid ? result.Brief! : throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    /// <summary>The path of a store holding about <paramref name="events"/> events, created when missing.</summary>
    public static string Ensure(long events, Action<long, long>? progress = null)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"events-{events}.duckdb");
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        File.Delete(building);
        using (var store = DuckDbEventStore.Open(building))
        {
            // One transaction per chunk keeps the staging tables small; the units' counter-based streams make the
            // chunks write exactly what one run would.
            var units = (long)(events / EventsPerUnit);
            var simulator = new SupportBotSimulator(Brief(), new SupportBotScenario { Units = units, Seed = 3 });
            for (long first = 1; first <= units; first += UnitsPerLoad)
            {
                using var loader = store.BeginLoad();
                simulator.Run(loader, first, Math.Min(units, first + UnitsPerLoad - 1));
                loader.Commit();
                progress?.Invoke(Math.Min(units, first + UnitsPerLoad - 1), units);
            }
        }

        File.Move(building, path);
        return path;
    }

    private static string Root() => Verdict.Testing.RepositoryRoot.Path;
}
