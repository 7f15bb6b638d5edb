using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation.Bandits;
using Verdict.Experiments.Yaml;
using Verdict.Reports.Bandits;
using Verdict.Storage.Bandits;
using Verdict.Storage.DuckDb;
using Verdict.Testing;

namespace Verdict.EndToEnd.Tests.Reports.Bandits;

/// <summary>
/// The prompt-bandit example with a bandit block run for four daily periods through the real pieces: customers served
/// by the state's schedule into a DuckDB store, and each period computed from the store by the update's own code path.
/// </summary>
public sealed class ServedBandit : IDisposable
{
    private static readonly double[] TrueRates = [0.55, 0.62];
    private readonly string directory = Directory.CreateTempSubdirectory("verdict-bandit-page-").FullName;

    public ServedBandit()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml"))
            + "\nbandit:\n  period: 1d\n  enrollment_per_period: 0.1\n  min_sample: 100\n  min_weight: 0.05\n";
        var briefPath = Path.Combine(directory, "brief.yaml");
        File.WriteAllText(briefPath, yaml);
        var loaded = BriefLoader.LoadFile(briefPath);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Brief = loaded.Brief!;
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        State = BanditUpdater.Start(Brief, start);
        using var store = DuckDbEventStore.Open(Path.Combine(directory, "verdict.duckdb"));
        for (var period = 0; period < 4; period++)
        {
            using (var loader = store.BeginLoad())
            {
                BanditTraffic.Serve(State, period, 5000, TrueRates, "conversation_solved", start.AddDays(period), 21, loader);
                loader.Commit();
            }

            var at = start.AddDays(period + 2);
            (State, Report) = BanditStoreUpdate.Next(store, Brief, State, at, at);
        }

        Html = BanditPage.Render(State, Report!, "0123abcd", new DateTimeOffset(2026, 5, 9, 0, 0, 0, TimeSpan.Zero));
        HtmlPath = Path.Combine(directory, "bandit.html");
        File.WriteAllText(HtmlPath, Html);
    }

    public ExperimentBrief Brief { get; }

    public BanditState State { get; }

    public BanditReport? Report { get; }

    public string Html { get; }

    public string HtmlPath { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
