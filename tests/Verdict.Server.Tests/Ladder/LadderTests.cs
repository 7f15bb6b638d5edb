using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Verdict.Assignment;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Server.Ladder;

namespace Verdict.Server.Tests.Ladder;

/// <summary>The rollout ladder over a real server and store, with a fake clock and simulated traffic (docs/monitor.md, "The ladder").</summary>
public sealed class LadderTests
{
    private const string Key = "refund-query-rewrite";

    /// <summary>canary at 5% → A/B at 25% → A/B at 50%; each gate holds p95 latency to its 150ms budget for a day and 100 units per arm.</summary>
    internal static string Ladder(string yaml) => yaml.Replace("  exposure: 1.0\n  stage: ab\n", string.Empty, StringComparison.Ordinal) + """

        stages:
          - name: canary-5
            kind: canary
            exposure: 0.05
            gate: {min_duration: 1d, min_sample_per_arm: 100, guardrails: [p95_latency]}
          - name: ab-25
            kind: ab
            exposure: 0.25
            gate: {min_duration: 1d, min_sample_per_arm: 100, guardrails: [p95_latency]}
          - name: ab-50
            kind: ab
            exposure: 0.5

        """;

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task RunOnce_GatesPassThenALatencyRegression_ClimbsOnlyWhileGatesPassAndKeepsEnrolledArms(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(Ladder);
        var config = await ServerHarness.JsonAsync(await server.Sdk.GetAsync("/api/v1/config", TestContext.Current.CancellationToken));
        var served = config.GetProperty("experiments")[0];
        Assert.Equal(("canary", "canary-5", 0.05), (served.GetProperty("stage").GetString(), served.GetProperty("stage_name").GetString(), served.GetProperty("exposure").GetDouble()));

        // Too early: the gate cannot pass before its minimum duration.
        var early = Assert.Single(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.False(early.Passed);
        Assert.Null(Record(server).Stage);

        // A day of canary traffic without harm: the gate passes and the version climbs to ab-25.
        var canary = Spec(server);
        await SendAsync(server, 0.05, 1, 20_000, SupportBotFailures.None);
        var passed = Assert.Single(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.True(passed.Passed, MonitorText.Reason(passed));
        Assert.All(passed.Windows, w => Assert.Equal(WindowOutcome.Held, w.Outcome));
        Assert.All(passed.Windows, w => Assert.True(w.ControlUnits >= 100 && w.TreatmentUnits >= 100));
        Assert.Equal(("ab-25", 0.25), (Record(server).Stage, Record(server).Exposure));
        var advance = server.Registry.Audit(Key).Last();
        Assert.Equal((LadderState.Advance, LadderRunner.Actor), (advance.Action, advance.Actor));
        Assert.Contains("gate of stage canary-5 passed", advance.Reason, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"ab-25\"", advance.After, StringComparison.Ordinal);

        // Every unit enrolled at 5% keeps its arm at 25% (Verdict.Assignment on both served specs); new units join.
        var ab = Spec(server);
        var units = Enumerable.Range(1, 20_000).Select(i => $"customer-{i:D5}").ToList();
        var before = units.Select(u => canary.Assign(u)).ToList();
        var after = units.Select(u => ab.Assign(u)).ToList();
        Assert.All(before.Zip(after).Where(p => p.First.InExperiment), p => Assert.Equal(p.First.Arm, p.Second.Arm));
        Assert.True(after.Count(a => a.InExperiment) > 3 * before.Count(a => a.InExperiment));

        // A day at 25% with the treatment's latency regressed: the gate does not pass and the version stays.
        await SendAsync(server, 0.25, 20_001, 40_000, SupportBotFailures.LatencyRegression);
        var held = Assert.Single(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.False(held.Passed);
        Assert.Contains(held.Windows, w => w.Outcome == WindowOutcome.Breach);
        Assert.Equal("ab-25", Record(server).Stage);
        Assert.Single(server.Registry.Audit(Key), a => a.Action == LadderState.Advance);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Advance_ForcedOrSkipped_NeedsAnAdminKeyAndAReason(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(Ladder);
        var url = $"/api/v1/experiments/{Key}/advance";
        var body = new { to = "ab-50", reason = "launch review signed off the canary early" };
        Assert.Equal(403, (int)(await server.Reader.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(403, (int)(await server.Sdk.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(401, (int)(await server.Anonymous.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(401, (int)(await server.Revoked.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(422, (int)(await server.Admin.PostAsJsonAsync(url, new { to = "ab-50" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(404, (int)(await server.Admin.PostAsJsonAsync(url, new { to = "ab-99", reason = "typo" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Null(Record(server).Stage);
        Assert.DoesNotContain(server.Registry.Audit(Key), a => a.Action == LadderState.ForcedAdvance);

        // An admin with a reason skips ab-25: exposure rises to 50%, the audit line names who, why and the gate as it stood.
        var skipped = await server.Admin.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)skipped.StatusCode);
        Assert.Equal("ab-50", (await ServerHarness.JsonAsync(skipped)).GetProperty("stage").GetString());
        Assert.Equal(("ab-50", 0.5), (Record(server).Stage, Record(server).Exposure));
        var line = server.Registry.Audit(Key).Last();
        Assert.Equal(LadderState.ForcedAdvance, line.Action);
        Assert.StartsWith("alice", line.Actor, StringComparison.Ordinal);
        Assert.StartsWith(body.reason, line.Reason, StringComparison.Ordinal);
        Assert.Contains("gate of stage canary-5 not passed", line.Reason, StringComparison.Ordinal);

        // Down the ladder, or past its top, is refused: that would drop enrolled units.
        Assert.Equal(409, (int)(await server.Admin.PostAsJsonAsync(url, new { to = "canary-5", reason = "back" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(409, (int)(await server.Admin.PostAsJsonAsync(url, new { reason = "next" }, TestContext.Current.CancellationToken)).StatusCode);

        // The read model shows the ladder; a read key may see it, an SDK key may not.
        var view = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{Key}/ladder", TestContext.Current.CancellationToken));
        Assert.Equal("ab-50", view.GetProperty("current").GetString());
        Assert.Equal(["done", "done", "current"], view.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("position").GetString()));
        Assert.Equal(403, (int)(await server.Sdk.GetAsync($"/api/v1/experiments/{Key}/ladder", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task RunOnce_ShadowStage_ServesShadowAndClimbsOnCompletePairs()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(yaml => yaml.Replace("  exposure: 1.0\n  stage: ab\n", string.Empty, StringComparison.Ordinal) + """

            stages:
              - {name: shadow, kind: shadow, exposure: 0.1, gate: {min_duration: 1h, min_sample_per_arm: 5}}
              - {name: canary-10, kind: canary, exposure: 0.1}

            """);
        var served = (await ServerHarness.JsonAsync(await server.Sdk.GetAsync("/api/v1/config", TestContext.Current.CancellationToken))).GetProperty("experiments")[0];
        Assert.Equal("shadow", served.GetProperty("stage").GetString());

        // Four complete pairs and one control call whose treatment call never came: not enough.
        var start = server.Time.GetUtcNow();
        await PostShadowAsync(server, start, pairs: 4, unpaired: 1);
        server.Time.Advance(TimeSpan.FromHours(2));
        var short1 = Assert.Single(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.False(short1.Passed);
        Assert.Equal(4, short1.ShadowPairs!["treatment"]);

        await PostShadowAsync(server, start.AddMinutes(30), pairs: 1, unpaired: 0);
        var enough = Assert.Single(await Runner(server).RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.True(enough.Passed, MonitorText.Reason(enough));
        Assert.Equal("canary-10", Record(server).Stage);
        served = (await ServerHarness.JsonAsync(await server.Sdk.GetAsync("/api/v1/config", TestContext.Current.CancellationToken))).GetProperty("experiments")[0];
        Assert.Equal(("canary", "canary-10"), (served.GetProperty("stage").GetString(), served.GetProperty("stage_name").GetString()));
    }

    [Fact]
    public async Task HostedService_OnTheFakeClock_AdvancesAfterTheMonitorPassWithoutBeingCalled()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = TimeSpan.FromHours(2) });
        await server.CreateAndStartAsync(yaml => yaml.Replace("  exposure: 1.0\n  stage: ab\n", string.Empty, StringComparison.Ordinal) + """

            stages:
              - {name: shadow, kind: shadow, exposure: 0.1, gate: {min_duration: 1h, min_sample_per_arm: 5}}
              - {name: canary-10, kind: canary, exposure: 0.1}

            """);
        await PostShadowAsync(server, server.Time.GetUtcNow(), pairs: 5, unpaired: 0);

        // The monitor's PeriodicTimer ticks on the fake clock; after its pass the ladder's runs and climbs.
        server.Time.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 600 && Record(server).Stage is null; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal("canary-10", Record(server).Stage);
        Assert.Equal((LadderState.Advance, LadderRunner.Actor), (server.Registry.Audit(Key)[^1].Action, server.Registry.Audit(Key)[^1].Actor));
    }

    private static LadderRunner Runner(ServerHarness server) => server.App.Services.GetRequiredService<LadderRunner>();

    private static ExperimentRecord Record(ServerHarness server) => server.Registry.Records.Single();

    private static ExperimentAssigner Spec(ServerHarness server) => new(server.Registry.Config.Config.Experiments.Single().ToAssignmentSpec());

    /// <summary>Simulates units <paramref name="first"/>..<paramref name="last"/> arriving over the next day at <paramref name="exposure"/>, then advances the clock a day and sends them.</summary>
    private static async Task SendAsync(ServerHarness server, double exposure, long first, long last, SupportBotFailures failures)
    {
        var registered = server.Registry.Brief(Key, 1)!;
        var brief = registered with { Traffic = registered.Traffic with { Exposure = exposure } };
        var scenario = new SupportBotScenario { Units = 40_000, Seed = 7, Start = server.Time.GetUtcNow(), Days = 1, Failures = failures };
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonEventWriter(buffer, leaveOpen: true))
        {
            new SupportBotSimulator(brief, scenario).Run(writer, first, last, TestContext.Current.CancellationToken);
        }

        // A day later: the events that happened by then have arrived (later tickets have not happened yet).
        server.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10));
        var now = server.Time.GetUtcNow();
        var arrived = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => JsonDocument.Parse(line).RootElement.GetProperty("timestamp").GetDateTimeOffset() <= now);
        foreach (var chunk in arrived.Chunk(5000))
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(string.Join("\n", chunk)), TestContext.Current.CancellationToken);
            Assert.True(200 == (int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    /// <summary>Shadow calls as the middleware logs them: a control call and a treatment call per pair.</summary>
    internal static async Task PostShadowAsync(ServerHarness server, DateTimeOffset at, int pairs, int unpaired)
    {
        var lines = new List<string>();
        for (var i = 0; i < pairs + unpaired; i++)
        {
            var pair = Guid.NewGuid().ToString("N");
            lines.Add(ShadowLine(pair, "control", at.AddSeconds(i), 900));
            if (i < pairs)
            {
                lines.Add(ShadowLine(pair, "treatment", at.AddSeconds(i), 1_000));
            }
        }

        var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(string.Join("\n", lines)), TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static string ShadowLine(string pair, string arm, DateTimeOffset at, double latency) =>
        $$"""{"type":"event","name":"shadow_call","unit_id":"conv-{{pair}}","timestamp":"{{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","value":{{latency.ToString(CultureInfo.InvariantCulture)}},"properties":{"experiment":"{{Key}}","version":1,"arm":"{{arm}}","latency_ms":{{latency.ToString(CultureInfo.InvariantCulture)}},"error":"","shadow_pair":"{{pair}}","cold":"false","output":"ok"},"idempotency_key":"{{Guid.NewGuid()}}"}""";
}
