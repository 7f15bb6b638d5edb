using System.Net.Http.Json;
using System.Text.Json;
using Verdict.Assignment;
using Verdict.Assignment.Targeting;
using Verdict.Assignment.Tests;
using Verdict.Client.Wire;

namespace Verdict.Server.Tests;

/// <summary><c>GET /api/v1/config</c> with its ETag, and <c>POST /api/v1/assign</c> against the pinned assignment vectors.</summary>
public sealed class ConfigAndAssignTests
{
    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Config_UnchangedSinceETag_Is304_AndChangesAfterRamp(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync(yaml => yaml.Replace("exposure: 1.0", "exposure: 0.1", StringComparison.Ordinal));
        using var first = await server.Sdk.GetAsync("/api/v1/config", cancellationToken);
        var etag = first.Headers.ETag!.Tag;
        var config = JsonSerializer.Deserialize(await first.Content.ReadAsStringAsync(cancellationToken), WireJson.Default.SdkConfig)!;
        var experiment = Assert.Single(config.Experiments);
        Assert.Equal(("refund-query-rewrite", 1, "running", 0.1), (experiment.Key, experiment.Version, experiment.Status, experiment.Exposure));
        Assert.Equal(["control", "treatment"], experiment.Arms.Select(a => a.Name));
        Assert.Equal("query-rewrite-v1", experiment.Arms[1].Receipt.Components["query_rewrite"]);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/config");
        again.Headers.IfNoneMatch.ParseAdd(etag);
        using var notModified = await server.Sdk.SendAsync(again, cancellationToken);
        Assert.Equal(304, (int)notModified.StatusCode);

        await server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/ramp", new { exposure = 0.5, reason = "guardrails held" }, cancellationToken);
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/v1/config");
        after.Headers.IfNoneMatch.ParseAdd(etag);
        using var changed = await server.Sdk.SendAsync(after, cancellationToken);
        Assert.Equal(200, (int)changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Config_SameStateAfterRestart_KeepsItsETag()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string etag;
        Func<Verdict.Storage.EventStore> open;
        await using (var server = await ServerHarness.StartAsync("postgres"))
        {
            await server.CreateAndStartAsync();
            etag = (await server.Sdk.GetAsync("/api/v1/config", cancellationToken)).Headers.ETag!.Tag;
            open = server.OpenStore;
        }

        var app = VerdictServer.Build(new ServerOptions { OpenStore = open, Urls = ["http://127.0.0.1:0"] }, logging => { });
        await app.StartAsync(cancellationToken);
        try
        {
            var registry = (Verdict.Server.ControlPlane.Registry)app.Services.GetService(typeof(Verdict.Server.ControlPlane.Registry))!;
            Assert.Equal(etag, registry.Config.ETag);
        }
        finally
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Assign_ThroughRamps_MatchesPinnedVectors(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync(yaml => yaml.Replace("exposure: 1.0", "exposure: 0.01", StringComparison.Ordinal));
        var vectors = AssignmentVector.All.Where(v => v.Salt == "refund-query-rewrite:v1" && v.Layer is null && v.Holdout is null && v.Forced is null).ToList();
        var checkedCount = 0;
        foreach (var exposure in new[] { 0.01, 0.05, 0.5, 1.0 })
        {
            if (exposure > 0.01)
            {
                var ramp = await server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/ramp", new { exposure }, cancellationToken);
                Assert.Equal(200, (int)ramp.StatusCode);
            }

            foreach (var v in vectors.Where(v => v.Exposure == exposure))
            {
                var unit = v.Unit;
                var answer = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "refund-query-rewrite", unit_id = unit }, cancellationToken));
                var expectedArm = v.Arm;
                Assert.Equal(v.Bucket, answer.GetProperty("bucket").GetInt32());
                Assert.Equal(v.Status, answer.GetProperty("status").GetString());
                Assert.Equal(expectedArm is not null, answer.GetProperty("in_experiment").GetBoolean());
                Assert.Equal(expectedArm ?? "control", answer.GetProperty("arm").GetString());
                checkedCount++;
            }
        }

        Assert.Equal(4 * 38, checkedCount);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Assign_PausedExperiment_KeepsEnrolledUnitsAndAdmitsNoNewOnes(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var assigner = new ExperimentAssigner(server.Registry.Served["refund-query-rewrite"].Config.ToAssignmentSpec());
        var enrolled = Enumerable.Range(0, 100).Select(i => $"customer-{i:000}").First(u => assigner.Assign(u).Arm == 1);
        var fresh = Enumerable.Range(100, 100).Select(i => $"customer-{i:000}").First(u => assigner.Assign(u).Arm == 1);
        var exposure = $$"""{"type":"exposure","experiment":"refund-query-rewrite","version":1,"unit_id":"{{enrolled}}","arm":"treatment","timestamp":"2026-05-18T08:00:00Z"}""";
        Assert.Equal(200, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent(exposure), cancellationToken)).StatusCode);
        Assert.Equal(200, (int)(await server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/pause", new { reason = "p95 alert" }, cancellationToken)).StatusCode);

        var kept = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "refund-query-rewrite", unit_id = enrolled }, cancellationToken));
        var refused = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "refund-query-rewrite", unit_id = fresh }, cancellationToken));
        Assert.Equal(("treatment", true), (kept.GetProperty("arm").GetString(), kept.GetProperty("in_experiment").GetBoolean()));
        Assert.Equal(("control", false, "paused"), (refused.GetProperty("arm").GetString(), refused.GetProperty("in_experiment").GetBoolean(), refused.GetProperty("status").GetString()));

        Assert.Equal(200, (int)(await server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/stop", new { reason = "done" }, cancellationToken)).StatusCode);
        var stopped = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "refund-query-rewrite", unit_id = enrolled }, cancellationToken));
        Assert.Equal(("control", false, "stopped"), (stopped.GetProperty("arm").GetString(), stopped.GetProperty("in_experiment").GetBoolean(), stopped.GetProperty("status").GetString()));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Assign_BadRequests_AreClear4xx(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        Assert.Equal(404, (int)(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "nope", unit_id = "u" }, cancellationToken)).StatusCode);
        Assert.Equal(400, (int)(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = "refund-query-rewrite" }, cancellationToken)).StatusCode);
        Assert.Equal(400, (int)(await server.Sdk.PostAsync("/api/v1/assign", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), cancellationToken)).StatusCode);
        Assert.Equal(200, (int)(await server.Sdk.GetAsync("/healthz", cancellationToken)).StatusCode);
    }
}
