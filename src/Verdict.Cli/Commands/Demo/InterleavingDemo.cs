using System.Globalization;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Simulation.Interleaving;
using Verdict.Reports.Interleaving;
using Verdict.Reports.Text;
using Verdict.Statistics.Interleaving;
using Verdict.Storage.Interleaving;

namespace Verdict.Cli.Commands.Demo;

/// <summary>
/// <c>verdict demo --scenario interleaving</c>: seed 001's ranker comparison through the product. Simulates users whose
/// queries are interleaved by <c>InterleavingAssigner</c> on the seeded click model (ranker B slightly better), loads
/// the impression and click events into a fresh DuckDB store, analyses them there and writes the interleaving page.
/// </summary>
internal static class InterleavingDemo
{
    private const string Experiment = "search-ranker";
    private const int Users = 2000;

    public static int Run(CliContext context, string directory, int seed, bool json, TimeProvider time)
    {
        var say = json ? TextWriter.Null : context.Out;
        say.WriteLine("Verdict demo: team-draft interleaving of two rankers (B ranks with less noise), analysed in the store");
        var storePath = Path.Combine(directory, "verdict.duckdb");
        File.Delete(storePath);
        File.Delete(storePath + ".wal");
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        var clickModel = new InterleavingSimulationOptions { NoiseA = 1.0, NoiseB = 0.8, Seed = seed };
        ClusteredInterleavingTally sums;
        long queries;
        using (var store = StoreOptions.Open(storePath))
        {
            using (var loader = store.BeginLoad())
            {
                queries = InterleavingTraffic.Write(Experiment, Experiment + ":v1", Users, clickModel, start, loader);
                loader.Commit();
            }

            sums = new SqlInterleavingSource(store).Load(Experiment);
        }

        var perQuery = InterleavingPreference.Analyze(sums.Total);
        var perUser = InterleavingPreference.AnalyzeClustered(sums);
        var page = Path.Combine(directory, "interleaving.html");
        File.WriteAllText(page, InterleavingPage.Render(Experiment, sums, perQuery, perUser, time.GetUtcNow()));
        if (json)
        {
            JsonOutput.Write(context.Out, new { dir = directory, scenario = "interleaving", store = storePath, report = page, users = sums.Users, queries, wins_a = sums.Total.WinsA, wins_b = sums.Total.WinsB, ties = sums.Total.Ties, share_b = perQuery.ShareB, ci_low = perQuery.CiLow, ci_high = perQuery.CiHigh, p_value = perQuery.PValue, clustered_ci_low = perUser.CiLow, clustered_ci_high = perUser.CiHigh });
        }
        else
        {
            say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  traffic  {Users:N0} users, {queries:N0} interleaved queries → {storePath}"));
            say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outcomes A {sums.Total.WinsA:N0}, B {sums.Total.WinsB:N0}, tie {sums.Total.Ties:N0}"));
            say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  B's preference share {perQuery.ShareB:P1}: 95% CI [{perQuery.CiLow:P1}, {perQuery.CiHigh:P1}], exact binomial p = {MetricFormat.PValue(perQuery.PValue)}; clustered by user [{perUser.CiLow:P1}, {perUser.CiHigh:P1}]").Replace(" %", "%", StringComparison.Ordinal));
            say.WriteLine(Caveats.InterleavingDuel);
            say.WriteLine($"report: {page}");
        }

        return ExitCodes.Success;
    }
}
