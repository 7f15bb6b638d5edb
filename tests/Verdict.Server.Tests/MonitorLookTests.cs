using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Simulation;
using Verdict.Server.Monitor;

namespace Verdict.Server.Tests;

/// <summary>Registered sequential looks taken by the monitor on its own, and the monitor section of the results JSON (docs/monitor.md).</summary>
public sealed class MonitorLookTests
{
    private const string Key = "refund-query-rewrite";

    /// <summary>Three registered looks (O'Brien–Fleming spending) over a plan of 1 000 units per arm.</summary>
    private static string Sequential(string yaml) => yaml.Replace(
        "design: fixed_horizon",
        "design: group_sequential\n  looks: [0.25, 0.5, 1.0]\n  spending: obf\n  planned_units_per_arm: 1000",
        StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task RunOnce_InformationFractionReachesEachLook_TakesItOnceWithTheAnalysisNumbers(string engine)
    {
        var settle = TimeSpan.FromMinutes(5);
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null, MonitorSettle = settle });
        await server.CreateAndStartAsync(Sequential);
        var start = server.Time.GetUtcNow();

        // 2 400 units over 4 days: about 300 per arm and day, so information 0.3, 0.6, 0.9, 1.2 at the ends of days 1–4.
        var lines = TrafficEdit.Lines(server.Registry.Brief(Key, 1)!, new SupportBotScenario { Units = 2400, Seed = 21, Start = start, Days = 4 })
            .Select(l => (Line: l, At: Timestamp(l))).OrderBy(l => l.At).ToList();
        var runner = server.App.Services.GetRequiredService<MonitorRunner>();
        var taken = new List<int>();
        var sent = 0;
        for (var day = 1; day <= 4; day++)
        {
            server.Time.Advance(start.AddDays(day) + settle - server.Time.GetUtcNow());
            var due = lines.Skip(sent).TakeWhile(l => l.At < start.AddDays(day)).Select(l => l.Line).ToList();
            sent += due.Count;
            await MonitorTests.PostAsync(server, due);
            await runner.RunOnceAsync(TestContext.Current.CancellationToken);
            taken.Add(Looks(server).Count);
        }

        // Look 1 after day 1, look 2 after day 2, none after day 3 (0.9 < 1), the final look after day 4.
        Assert.Equal([1, 2, 2, 3], taken);
        var looks = Looks(server);
        var realized = new List<double>();
        Assert.All(looks, l => Assert.Equal(MonitorRunner.Actor, l.Actor));
        for (var i = 0; i < looks.Count; i++)
        {
            using var evidence = JsonDocument.Parse(looks[i].After!);
            var root = evidence.RootElement;
            var registered = new[] { 0.25, 0.5, 1.0 }[i];
            Assert.Equal(registered, root.GetProperty("registered")[0].GetDouble());
            Assert.Equal(i + 1, root.GetProperty("reached").GetInt32());
            Assert.Equal(i + 1, root.GetProperty("look").GetInt32());
            var fraction = root.GetProperty("information_fraction").GetDouble();
            Assert.InRange(fraction, registered, registered + 0.25);
            Assert.Equal(i == 2, root.GetProperty("is_final").GetBoolean());
            Assert.Equal(root.GetProperty("lift").GetDouble() / root.GetProperty("standard_error").GetDouble(), root.GetProperty("z").GetDouble(), 12);

            // The monitor's numbers are the analysis's at the same moment: the results as of the look's time have the same
            // information fraction, primary estimate and verdict. The boundary is the registered design's at the fractions
            // the looks were actually taken at (the analysis, run afterwards, assumes the earlier looks at their
            // registered fractions instead).
            var at = root.GetProperty("at").GetDateTimeOffset();
            var results = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/results?as_of={at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", TestContext.Current.CancellationToken));
            var reachedCheck = results.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "registered look reached").GetProperty("detail").GetString()!;
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"information fraction {fraction:0.###} of the plan's maximum"), reachedCheck, StringComparison.Ordinal);
            var lift = results.GetProperty("primary").GetProperty("lift").GetProperty("absolute");
            Assert.Equal(lift.GetProperty("estimate").GetDouble(), root.GetProperty("lift").GetDouble(), 1e-12);
            Assert.Equal(lift.GetProperty("se").GetDouble(), root.GetProperty("standard_error").GetDouble(), 1e-12);
            Assert.Equal(results.GetProperty("decision").GetString(), root.GetProperty("decision").GetString());
            realized.Add(Math.Min(fraction, 1));
            var design = Verdict.Experiments.Planning.GroupSequentialPlanner.Design([0.25, 0.5, 1.0], "obf", 0.05, 0.8);
            Assert.Equal(design.Evaluate([.. realized], root.GetProperty("z").GetDouble(), finalLook: i == 2).EfficacyBoundary, root.GetProperty("efficacy_boundary").GetDouble(), 12);
        }

        // A restarted monitor reads the looks taken from the audit log and takes none again.
        var again = new LookRunner(server.Registry, server.App.Services.GetRequiredService<StoreReader>());
        Assert.Empty(await again.RunAsync(server.Registry.Records.Single(), server.Registry.Brief(Key, 1)!, server.Time.GetUtcNow(), TestContext.Current.CancellationToken));
        Assert.Equal(3, Looks(server).Count);

        // The results JSON carries every look in its monitor section, with the evidence of the audit line.
        var document = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/results", TestContext.Current.CancellationToken));
        var monitor = document.GetProperty("monitor");
        Assert.True(monitor.GetProperty("sequential").GetBoolean());
        Assert.False(monitor.GetProperty("monitored").GetBoolean());
        Assert.Equal(3, monitor.GetProperty("looks_reached").GetInt32());
        Assert.Equal([0.25, 0.5, 1.0], monitor.GetProperty("looks_registered").EnumerateArray().Select(l => l.GetDouble()));
        var decisions = monitor.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(["look", "look", "look"], decisions.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(looks.Select(l => l.Sequence), decisions.Select(d => d.GetProperty("sequence").GetInt64()));
        Assert.Equal(looks[2].Reason, decisions[2].GetProperty("reason").GetString());
        Assert.Equal(3, decisions[2].GetProperty("evidence").GetProperty("reached").GetInt32());
    }

    [Fact]
    public async Task Results_AfterBreachesPauseAndResume_ListEveryDecisionWithItsEvidence()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(yaml => yaml.Replace(
            "budget: 150ms\n    rule: observed_delta",
            "budget: 150ms\n    rule: observed_delta\n    monitor: {window: 6h, consecutive: 2, action: pause}",
            StringComparison.Ordinal));
        var lines = TrafficEdit.Lines(server.Registry.Brief(Key, 1)!, new SupportBotScenario { Units = 3000, Seed = 7, Start = server.Time.GetUtcNow(), Days = 1, Failures = SupportBotFailures.LatencyRegression });
        server.Time.Advance(TimeSpan.FromDays(9));
        await MonitorTests.PostAsync(server, lines);
        await server.App.Services.GetRequiredService<MonitorRunner>().RunOnceAsync(TestContext.Current.CancellationToken);
        var resumed = await server.Admin.PostAsync($"/api/v1/experiments/{Key}/resume", System.Net.Http.Json.JsonContent.Create(new { reason = "fixed" }), TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)resumed.StatusCode);

        var monitor = (await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/results", TestContext.Current.CancellationToken))).GetProperty("monitor");
        Assert.True(monitor.GetProperty("monitored").GetBoolean());
        Assert.False(monitor.GetProperty("sequential").GetBoolean());
        var decisions = monitor.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(["breach", "breach", "action", "resume"], decisions.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(["monitor_breach", "monitor_breach", "pause", "resume"], decisions.Select(d => d.GetProperty("action").GetString()));
        Assert.Equal([MonitorRunner.Actor, MonitorRunner.Actor, MonitorRunner.Actor], decisions.Take(3).Select(d => d.GetProperty("actor").GetString()));
        Assert.Equal("fixed", decisions[3].GetProperty("reason").GetString());

        // Each decision's evidence is its audit line's, parsed: the breach's window, streak and test.
        var audit = server.Registry.Audit(Key).Where(a => a.Action == "monitor_breach").ToList();
        for (var i = 0; i < 2; i++)
        {
            var evidence = decisions[i].GetProperty("evidence");
            Assert.Equal(i + 1, evidence.GetProperty("streak").GetInt32());
            Assert.Equal("p95_latency", evidence.GetProperty("window").GetProperty("metric").GetString());
            using var stored = JsonDocument.Parse(audit[i].After!);
            Assert.Equal(stored.RootElement.GetProperty("window").GetProperty("p_value").GetDouble(), evidence.GetProperty("window").GetProperty("p_value").GetDouble());
        }

        Assert.Equal("paused", decisions[2].GetProperty("evidence").GetProperty("status").GetString());
    }

    private static List<Verdict.Server.ControlPlane.AuditEntry> Looks(ServerHarness server) =>
        [.. server.Registry.Audit(Key).Where(a => a.Action == LookRunner.Action)];

    private static DateTimeOffset Timestamp(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("timestamp").GetDateTimeOffset();
    }
}
