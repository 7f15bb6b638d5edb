using System.Text;
using System.Text.Json.Nodes;
using Verdict.Server.ControlPlane;
using Verdict.Server.Dashboard;

namespace Verdict.Server.Tests.Dashboard;

/// <summary>The lifecycle buttons over plain HTTP: admin with the token acts; no token, a wrong one or a read session is refused and changes nothing.</summary>
public sealed class DashboardActionTests
{
    private const string Pause = "/experiments/refund-query-rewrite/pause";

    [Fact]
    public async Task Post_AdminSessionWithToken_PausesAndAudits()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var (client, page, token) = await DashboardClient.LoggedInAsync(server, server.Admin, "/experiments/refund-query-rewrite");
        using var owned = client;
        Assert.Contains("id=\"form-pause\"", page, StringComparison.Ordinal);

        using var response = await client.PostAsync(Pause, new() { ["csrf"] = token, ["version"] = "1", ["reason"] = "p95 alert" });
        Assert.Equal(303, (int)response.StatusCode);
        Assert.Equal(ExperimentStatus.Paused, server.Registry.Records.Single().Status);
        var last = server.Registry.Audit("refund-query-rewrite")[^1];
        Assert.Equal("pause", last.Action);
        Assert.Equal("p95 alert", last.Reason);
        Assert.StartsWith("alice (vk_", last.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AdminSessionWithoutOrWithWrongToken_IsRefusedAndChangesNothing()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var (client, _, token) = await DashboardClient.LoggedInAsync(server, server.Admin);
        using var owned = client;
        var before = server.Registry.Audit("refund-query-rewrite").Count;
        var wrong = token + "A";
        foreach (var fields in new Dictionary<string, string>[] { new() { ["reason"] = "forged" }, new() { ["reason"] = "forged", ["csrf"] = wrong }, new() { ["reason"] = "forged", ["csrf"] = string.Empty } })
        {
            using var response = await client.PostAsync(Pause, fields);
            Assert.Equal(403, (int)response.StatusCode);
        }

        using var json = await client.Http.PostAsync(Pause, new StringContent("{\"reason\":\"forged\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(403, (int)json.StatusCode);
        Assert.Equal(ExperimentStatus.Running, server.Registry.Records.Single().Status);
        Assert.Equal(before, server.Registry.Audit("refund-query-rewrite").Count);
    }

    [Fact]
    public async Task Post_ReadSessionEvenWithItsToken_IsForbiddenAndSeesNoButtons()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var (client, page, token) = await DashboardClient.LoggedInAsync(server, server.Reader, "/experiments/refund-query-rewrite");
        using var owned = client;
        Assert.DoesNotContain("id=\"actions\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"action\"", page, StringComparison.Ordinal);
        foreach (var action in new[] { "pause", "stop", "ramp" })
        {
            using var response = await client.PostAsync("/experiments/refund-query-rewrite/" + action, new() { ["csrf"] = token, ["reason"] = "forged", ["exposure"] = "1" });
            Assert.Equal(403, (int)response.StatusCode);
        }

        Assert.Equal(ExperimentStatus.Running, server.Registry.Records.Single().Status);
    }

    [Fact]
    public async Task Post_RefusedChange_ShowsTheControlPlanesReason()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var (client, _, token) = await DashboardClient.LoggedInAsync(server, server.Admin);
        using var owned = client;
        using var response = await client.PostAsync("/experiments/refund-query-rewrite/ramp", new() { ["csrf"] = token, ["exposure"] = "0.01", ["reason"] = "lower" });
        Assert.Equal(409, (int)response.StatusCode);
        Assert.Contains("id=\"error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var unknown = await client.PostAsync("/experiments/refund-query-rewrite/delete", new() { ["csrf"] = token });
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task Pages_DraftAndStartedWithoutEvents_RenderWithoutAVerdict()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        Assert.Equal(201, (int)(await server.Admin.PostAsync("/api/v1/experiments", System.Net.Http.Json.JsonContent.Create(ServerHarness.CreateBody()), TestContext.Current.CancellationToken)).StatusCode);
        using var client = new DashboardClient(server);
        await client.LoginAsync(DashboardClient.KeyOf(server.Admin));
        var draft = await client.GetAsync("/experiments/refund-query-rewrite");
        var html = await draft.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)draft.StatusCode);
        Assert.Contains("data-status=\"draft\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"form-start\"", html, StringComparison.Ordinal);
        Assert.Contains(server.Registry.Records.Single().LockHash, html, StringComparison.Ordinal);

        using var start = await client.PostAsync("/experiments/refund-query-rewrite/start", new() { ["csrf"] = DashboardClient.Token(html), ["reason"] = "go" });
        Assert.Equal(303, (int)start.StatusCode);
        var started = await client.GetAsync("/experiments/refund-query-rewrite");
        Assert.Equal(200, (int)started.StatusCode);
        Assert.Contains("data-status=\"running\"", await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(200, (int)(await client.GetAsync("/")).StatusCode);
        Assert.Equal(404, (int)(await client.GetAsync("/experiments/nope")).StatusCode);
    }

    [Fact]
    public void OpenAlerts_AfterAResume_AreClosed()
    {
        static AuditEntry Entry(long sequence, string action) => new(sequence, "x", 1, DateTimeOffset.UnixEpoch.AddDays(sequence), "monitor", action, null, null, null);
        AuditEntry[] log = [Entry(1, "create"), Entry(2, "start"), Entry(3, "guardrail_alert"), Entry(4, "pause"), Entry(5, "resume"), Entry(6, "guardrail_breach"), Entry(7, "roll_back")];
        Assert.Equal([6L, 7L], AuditFacts.OpenAlerts(log).Select(e => e.Sequence));
        Assert.Equal(3L, AuditFacts.OpenAlerts(log[..4]).Single().Sequence);
        Assert.Equal(5.0, AuditFacts.DaysRunning(log, DateTimeOffset.UnixEpoch.AddDays(7)));
        Assert.Null(AuditFacts.DaysRunning(log[..1], DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void GuardrailSection_WithOrWithoutMonitor_ShowsItsStateOrThePlaceholder()
    {
        var absent = new StringBuilder();
        GuardrailSection.Write(absent, monitorPresent: false, status: null);
        Assert.Contains("data-monitor=\"absent\"", absent.ToString(), StringComparison.Ordinal);
        Assert.Contains("not running", absent.ToString(), StringComparison.Ordinal);

        var present = new StringBuilder();
        GuardrailSection.Write(present, monitorPresent: true, JsonNode.Parse("""{"stage":"canary","windows":[{"guardrail":"p95_latency","streak":2,"breached":true},{"guardrail":"<script>","streak":0}]}"""));
        var html = present.ToString();
        Assert.Contains("<th>streak</th>", html, StringComparison.Ordinal);
        Assert.Contains("canary", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}
