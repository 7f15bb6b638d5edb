using Verdict.Experiments;
using Verdict.Storage;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// Simulated support-bot stores for the analysis benchmarks, built once per size under the temp directory and reused
/// across runs (building 100 M events takes minutes; analysing them is what is measured).
/// </summary>
internal static class BenchmarkStore
{
    /// <summary>Events per unit the simulator emits on average (measured: 177 558 events for 40 000 units).</summary>
    public const double EventsPerUnit = 4.44;

    public static string Folder => Path.Combine(Path.GetTempPath(), "verdict-bench");

    public static ExperimentBrief Brief()
    {
        var root = Root();
        var folder = Path.Combine(root, "bench", "Verdict.Benchmarks", "Analysis");
        var result = BriefLoader.LoadFile(Path.Combine(folder, "bench-brief.yaml"));
        return result.IsValid ? result.Brief! : throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    /// <summary>The path of a store holding about <paramref name="events"/> events, created when missing.</summary>
    public static string Ensure(long events)
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
        using (var loader = store.BeginLoad())
        {
            var units = (long)(events / EventsPerUnit);
            new SupportBotSimulator(Brief(), new SupportBotScenario { Units = units, Seed = 3 }).Run(loader);
            loader.Commit();
        }

        File.Move(building, path);
        return path;
    }

    private static string Root() => Verdict.Testing.RepositoryRoot.Path;
}
