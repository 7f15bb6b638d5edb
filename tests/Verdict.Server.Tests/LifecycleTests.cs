using System.Net.Http.Json;
using System.Text.Json;

namespace Verdict.Server.Tests;

/// <summary>create → start → ramp → pause → resume → stop over the API, every change in the audit log.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Lifecycle_EveryChange_IsAuditedWithWhoWhyBeforeAndAfter(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync(yaml => yaml.Replace("exposure: 1.0", "exposure: 0.05", StringComparison.Ordinal));
        await ExpectAsync(server, "ramp", new { exposure = 0.25, reason = "canary held" }, 200);
        await ExpectAsync(server, "ramp", new { exposure = 0.1, reason = "shrink" }, 409);
        await ExpectAsync(server, "ramp", new { exposure = 1.5 }, 422);
        await ExpectAsync(server, "resume", new { reason = "not paused" }, 409);
        await ExpectAsync(server, "pause", new { reason = "p95 alert" }, 200);
        await ExpectAsync(server, "resume", new { reason = "false alarm" }, 200);
        await ExpectAsync(server, "stop", new { reason = "decided" }, 200);
        await ExpectAsync(server, "start", new { version = 1 }, 409);

        var audit = await ServerHarness.JsonAsync(await server.Reader.GetAsync("/api/v1/experiments/refund-query-rewrite/audit", cancellationToken));
        var entries = audit.EnumerateArray().ToList();
        Assert.Equal(["create", "start", "ramp", "pause", "resume", "stop"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.StartsWith("alice (vk_", e.GetProperty("actor").GetString(), StringComparison.Ordinal));
        var ramp = entries[2];
        Assert.Equal("canary held", ramp.GetProperty("reason").GetString());
        Assert.Equal(0.05, JsonDocument.Parse(ramp.GetProperty("before").GetString()!).RootElement.GetProperty("exposure").GetDouble());
        Assert.Equal(0.25, JsonDocument.Parse(ramp.GetProperty("after").GetString()!).RootElement.GetProperty("exposure").GetDouble());
        Assert.True(entries.Select(e => e.GetProperty("sequence").GetInt64()).SequenceEqual(entries.Select(e => e.GetProperty("sequence").GetInt64()).Order()));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Create_StartedVersion_IsImmutable_AndADraftCanBeReplaced(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        Assert.Equal(201, (int)(await server.Admin.PostAsJsonAsync("/api/v1/experiments", ServerHarness.CreateBody(), cancellationToken)).StatusCode);
        Assert.Equal(201, (int)(await server.Admin.PostAsJsonAsync("/api/v1/experiments", ServerHarness.CreateBody(y => y.Replace("minimum_ship_lift: 2.0pp", "minimum_ship_lift: 3.0pp", StringComparison.Ordinal)), cancellationToken)).StatusCode);
        await ExpectAsync(server, "start", new { reason = "go" }, 200);
        var changed = await server.Admin.PostAsJsonAsync("/api/v1/experiments", ServerHarness.CreateBody(y => y.Replace("minimum_ship_lift: 3.0pp", "minimum_ship_lift: 1.0pp", StringComparison.Ordinal)), cancellationToken);
        Assert.Equal(409, (int)changed.StatusCode);
        Assert.Contains("new version", (await ServerHarness.JsonAsync(changed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var v2 = await server.Admin.PostAsJsonAsync("/api/v1/experiments", ServerHarness.CreateBody(y => y.Replace("version: 1", "version: 2", StringComparison.Ordinal)), cancellationToken);
        Assert.Equal(201, (int)v2.StatusCode);
        await ExpectAsync(server, "start", new { version = 2 }, 409);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Create_InvalidBrief_Is422WithEveryProblem_AndNothingIsCreated(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        var response = await server.Admin.PostAsJsonAsync("/api/v1/experiments", ServerHarness.CreateBody(y => y.Replace("weight: 0.5", "weight: 0.7", StringComparison.Ordinal).Replace("alpha: 0.05", "alpha: 5", StringComparison.Ordinal)), cancellationToken);
        Assert.Equal(422, (int)response.StatusCode);
        var problem = await ServerHarness.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").GetArrayLength() >= 2, problem.ToString());
        Assert.Empty(server.Registry.Records);
        var noMetrics = await server.Admin.PostAsJsonAsync("/api/v1/experiments", new { brief = "key: x\n" }, cancellationToken);
        Assert.Equal(422, (int)noMetrics.StatusCode);
        Assert.Equal(404, (int)(await server.Admin.PostAsJsonAsync("/api/v1/experiments/nope/start", new { }, cancellationToken)).StatusCode);
    }

    private static async Task ExpectAsync(ServerHarness server, string change, object body, int status)
    {
        var response = await server.Admin.PostAsJsonAsync($"/api/v1/experiments/refund-query-rewrite/{change}", body, TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"{change}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }
}
