using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Verdict.Client;
using Verdict.Client.Config;
using Verdict.Client.Events;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Server.Monitor;

namespace Verdict.Server.Tests;

/// <summary>The live guardrail monitor over a real server and store, with a fake clock and simulated traffic (docs/monitor.md).</summary>
public sealed class MonitorTests
{
    private const string Key = "refund-query-rewrite";

    /// <summary>p95 latency watched in 6h windows: 150ms threshold (the budget), 2 breached windows in a row pause.</summary>
    private static string LatencyPauses(string yaml) => yaml.Replace(
        "budget: 150ms\n    rule: observed_delta",
        "budget: 150ms\n    rule: observed_delta\n    monitor: {window: 6h, min_sample_per_arm: 100, consecutive: 2, action: pause}",
        StringComparison.Ordinal);

    /// <summary>The grounding failure rate watched in 12h windows: one credible breach of 2pp rolls back.</summary>
    private static string FailuresRollBack(string yaml) => yaml.Replace(
        "budget: 0.5pp\n    rule: observed_delta\n  - metric: p95_latency",
        "budget: 0.5pp\n    rule: observed_delta\n    monitor: {window: 12h, threshold: 2pp, consecutive: 1, action: rollback}\n  - metric: p95_latency",
        StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task RunOnce_LatencyRegressionInTreatment_PausesAtTheRegisteredStreak(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(LatencyPauses);
        var steps = await SendAndRunAsync(server, new SupportBotScenario { Units = 3000, Seed = 7, Start = server.Time.GetUtcNow(), Days = 1, Failures = SupportBotFailures.LatencyRegression });

        // Window 1 breaches (streak 1), window 2 breaches (streak 2 = registered): pause, and the pass stops there.
        Assert.Equal([WindowOutcome.Breach, WindowOutcome.Breach], steps.Select(s => s.Window.Outcome));
        Assert.Equal([1, 2], steps.Select(s => s.Streak));
        Assert.Equal(MonitorAction.Pause, steps[^1].Decision!.Action);
        Assert.All(steps, s => Assert.True(s.Window.Bound > 150, $"the lower bound {s.Window.Bound} should lie above the 150ms threshold"));
        Assert.Equal(ExperimentStatus.Paused, server.Registry.Records.Single().Status);

        var audit = server.Registry.Audit(Key).Where(a => a.Actor == MonitorRunner.Actor).ToList();
        Assert.Equal(["monitor_breach", "monitor_breach", "pause"], audit.Select(a => a.Action));
        using var evidence = JsonDocument.Parse(audit[1].After!);
        Assert.Equal(2, evidence.RootElement.GetProperty("streak").GetInt32());
        Assert.Equal(150, evidence.RootElement.GetProperty("window").GetProperty("threshold").GetDouble());
        Assert.Equal("breach", evidence.RootElement.GetProperty("window").GetProperty("outcome").GetString());
        Assert.Equal(MonitorText.Reason(steps[1].Window), evidence.RootElement.GetProperty("window").GetProperty("reason").GetString());
        Assert.EndsWith("): " + MonitorText.Reason(steps[1].Window), audit[1].Reason, StringComparison.Ordinal);

        // Paused: the next pass judges nothing; an admin resumes with a reason, and the streak starts again.
        Assert.Empty(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        var resumed = await server.Admin.PostAsJsonAsync($"/api/v1/experiments/{Key}/resume", new { reason = "regression fixed in the rewrite prompt" }, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)resumed.StatusCode);
        Assert.Contains(server.Registry.Audit(Key), a => a.Action == "resume" && a.Reason == "regression fixed in the rewrite prompt");
        var resumedAt = server.Time.GetUtcNow();
        server.Time.Advance(TimeSpan.FromDays(1));
        var after = await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(after);
        Assert.All(after, s => Assert.True(s.Window.Start >= resumedAt, $"window {s.Window.Start:O} began before the resume"));
        Assert.Equal(0, after[^1].Streak);
    }

    [Fact]
    public async Task RunOnce_OneWindowBlip_IsRecordedWithoutActing()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(LatencyPauses);
        var start = server.Time.GetUtcNow();
        var blip = TrafficEdit.SlowAnswers(start.AddHours(6), start.AddHours(12), 1.5);
        var steps = await SendAndRunAsync(server, new SupportBotScenario { Units = 3000, Seed = 7, Start = start, Days = 1 }, blip);

        var judged = steps.Where(s => s.Window.Outcome is WindowOutcome.Breach or WindowOutcome.Held).ToList();
        Assert.Equal([WindowOutcome.Held, WindowOutcome.Breach, WindowOutcome.Held, WindowOutcome.Held], judged.Select(s => s.Window.Outcome));
        Assert.All(steps, s => Assert.Null(s.Decision));
        Assert.Equal(ExperimentStatus.Running, server.Registry.Records.Single().Status);
        Assert.Equal(["monitor_breach"], server.Registry.Audit(Key).Where(a => a.Actor == MonitorRunner.Actor).Select(a => a.Action));

        // The read model shows the windows, the one breach and the streak it reset to.
        var view = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/monitor", TestContext.Current.CancellationToken));
        var track = view.GetProperty("guardrails").EnumerateArray().Single();
        Assert.Equal("p95_latency", track.GetProperty("metric").GetString());
        Assert.Equal(0, track.GetProperty("streak").GetInt32());
        Assert.Equal(1, track.GetProperty("breaches").GetInt32());
        Assert.Equal(steps.Count, track.GetProperty("windows").GetArrayLength());

        // The dashboard's guardrail section reads the same read model.
        var shown = await server.App.Services.GetRequiredService<Verdict.Server.Dashboard.IGuardrailStatusSource>().StatusAsync(Key, 1, TestContext.Current.CancellationToken);
        Assert.Equal(1, shown!["guardrails"]![0]!["breaches"]!.GetValue<int>());
        Assert.Null(await server.App.Services.GetRequiredService<Verdict.Server.Dashboard.IGuardrailStatusSource>().StatusAsync(Key, 2, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task RunOnce_GroundingFailureBreach_RollsBackAndTheSdkServesControl(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(FailuresRollBack);
        var poller = new ConfigPoller(server.Sdk, server.Time, NullLogger.Instance);
        await poller.PollAsync(TestContext.Current.CancellationToken);
        var sdk = new VerdictClient(poller, new EventQueue(100, NullLogger.Instance, server.Time), server.Time, new VerdictClientOptions { ServerUrl = server.BaseAddress, ApiKey = "unused" });
        var units = Enumerable.Range(0, 200).Select(i => $"conv-{i}").ToList();
        Assert.Contains(units, u => sdk.Assign(Key, u).ArmName != "control");

        var steps = await SendAndRunAsync(server, new SupportBotScenario { Units = 3000, Seed = 7, Start = server.Time.GetUtcNow(), Days = 1 }, TrafficEdit.UngroundedAnswers(every: 8));

        Assert.Equal(MonitorAction.Rollback, Assert.Single(steps).Decision!.Action);
        Assert.Equal(ExperimentStatus.Stopped, server.Registry.Records.Single().Status);
        var rollback = server.Registry.Audit(Key).Last();
        Assert.Equal(("rollback", MonitorRunner.Actor), (rollback.Action, rollback.Actor));
        Assert.Contains("grounded_answer_failure_rate", rollback.Reason, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"stopped\"", rollback.After, StringComparison.Ordinal);

        // The SDK picks the change up through the ETag and then serves control to everyone.
        Assert.True(await poller.PollAsync(TestContext.Current.CancellationToken));
        Assert.All(units, u => Assert.Equal("control", sdk.Assign(Key, u).ArmName));
    }

    [Fact]
    public async Task HostedService_OnTheFakeClock_PausesWithoutBeingCalled()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = TimeSpan.FromDays(10) });
        await server.CreateAndStartAsync(LatencyPauses);
        var lines = TrafficEdit.Lines(server.Registry.Brief(Key, 1)!, new SupportBotScenario { Units = 3000, Seed = 7, Start = server.Time.GetUtcNow(), Days = 1, Failures = SupportBotFailures.LatencyRegression });
        server.Time.Advance(TimeSpan.FromDays(9));
        await PostAsync(server, lines);

        // The monitor's PeriodicTimer (every 10 days here) ticks on the fake clock and runs a pass in the background.
        server.Time.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 600 && server.Registry.Records.Single().Status != ExperimentStatus.Paused; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(ExperimentStatus.Paused, server.Registry.Records.Single().Status);
        Assert.Equal("pause", server.Registry.Audit(Key).Last().Action);
    }

    [Fact]
    public async Task Monitor_UnknownExperimentOrSdkKey_IsRefused()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        await server.CreateAndStartAsync();
        Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/experiments/nope/monitor", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(403, (int)(await server.Sdk.GetAsync($"/api/v1/experiments/{Key}/monitor", TestContext.Current.CancellationToken)).StatusCode);
        var view = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/monitor", TestContext.Current.CancellationToken));
        Assert.False(view.GetProperty("monitored").GetBoolean());
    }

    private static MonitorRunner Runner(ServerHarness server) => server.App.Services.GetRequiredService<MonitorRunner>();

    /// <summary>Advances the clock past every simulated event (late tickets come days later), sends them, and runs one pass.</summary>
    private static async Task<IReadOnlyList<MonitorStep>> SendAndRunAsync(ServerHarness server, SupportBotScenario scenario, Func<OutcomeEvent, IEnumerable<OutcomeEvent>>? edit = null)
    {
        var lines = TrafficEdit.Lines(server.Registry.Brief(Key, 1)!, scenario, edit);
        server.Time.Advance(TimeSpan.FromDays(scenario.Days + 8));
        await PostAsync(server, lines);
        return await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken);
    }

    internal static async Task PostAsync(ServerHarness server, List<string> lines)
    {
        foreach (var chunk in lines.Chunk(5000))
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(string.Join("\n", chunk)), TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }
}
