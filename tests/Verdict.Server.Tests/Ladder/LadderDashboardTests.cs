using Verdict.Server.ControlPlane;
using Verdict.Server.Dashboard;
using Verdict.Server.Ladder;
using Verdict.Server.Tests.Dashboard;

namespace Verdict.Server.Tests.Ladder;

/// <summary>The dashboard's ladder section and buttons, and login rate limiting, over plain HTTP against the real server.</summary>
public sealed class LadderDashboardTests
{
    private const string Page = "/experiments/refund-query-rewrite";

    [Fact]
    public async Task ExperimentPage_Ladder_ShowsStagesAndGateAndOnlyAdminsMayAdvanceOrRollBack()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(LadderTests.Ladder);

        using var reader = new DashboardClient(server);
        Assert.Equal(303, (int)(await reader.LoginAsync(DashboardClient.KeyOf(server.Reader))).StatusCode);
        var readPage = await (await reader.GetAsync(Page)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<section id=\"ladder\" data-current=\"canary-5\">", readPage, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"ab-25\" data-position=\"ahead\"", readPage, StringComparison.Ordinal);
        Assert.Contains("data-gate=\"not-passed\"", readPage, StringComparison.Ordinal);
        Assert.Contains("of the registered 1d (too early)", readPage, StringComparison.Ordinal);
        Assert.Contains("<span id=\"stage\">canary-5</span>", readPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-advance\"", readPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-rollback\"", readPage, StringComparison.Ordinal);

        // A read session with its own token is refused; so is an admin without the token or without a reason.
        var readToken = DashboardClient.Token(readPage);
        Assert.Equal(403, (int)(await reader.PostAsync(Page + "/advance", new() { ["csrf"] = readToken, ["to"] = "ab-25", ["reason"] = "forged" })).StatusCode);
        Assert.Equal(403, (int)(await reader.PostAsync(Page + "/rollback", new() { ["csrf"] = readToken, ["reason"] = "forged" })).StatusCode);
        using var admin = new DashboardClient(server);
        Assert.Equal(303, (int)(await admin.LoginAsync(DashboardClient.KeyOf(server.Admin))).StatusCode);
        var adminPage = await (await admin.GetAsync(Page)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"form-advance\"", adminPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ab-50\">", adminPage, StringComparison.Ordinal);
        var token = DashboardClient.Token(adminPage);
        Assert.Equal(403, (int)(await admin.PostAsync(Page + "/advance", new() { ["to"] = "ab-25", ["reason"] = "no token" })).StatusCode);
        var noReason = await admin.PostAsync(Page + "/advance", new() { ["csrf"] = token, ["to"] = "ab-25", ["reason"] = " " });
        Assert.Equal(422, (int)noReason.StatusCode);
        Assert.Contains("needs a reason", await noReason.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(server.Registry.Records.Single().Stage);
        Assert.DoesNotContain(server.Registry.Audit("refund-query-rewrite"), a => a.Action == LadderState.ForcedAdvance);

        // The admin advances with a reason, then rolls back: each lands in the audit log under their name.
        Assert.Equal(303, (int)(await admin.PostAsync(Page + "/advance", new() { ["csrf"] = token, ["version"] = "1", ["to"] = "ab-25", ["reason"] = "canary reviewed" })).StatusCode);
        Assert.Equal(("ab-25", 0.25), (server.Registry.Records.Single().Stage, server.Registry.Records.Single().Exposure));
        var advanced = server.Registry.Audit("refund-query-rewrite")[^1];
        Assert.Equal(LadderState.ForcedAdvance, advanced.Action);
        Assert.StartsWith("alice (vk_", advanced.Actor, StringComparison.Ordinal);
        Assert.Equal(303, (int)(await admin.PostAsync(Page + "/rollback", new() { ["csrf"] = token, ["version"] = "1", ["reason"] = "answers cite the wrong policy" })).StatusCode);
        Assert.Equal(ExperimentStatus.Stopped, server.Registry.Records.Single().Status);
        Assert.Equal(("rollback", "answers cite the wrong policy"), (server.Registry.Audit("refund-query-rewrite")[^1].Action, server.Registry.Audit("refund-query-rewrite")[^1].Reason));
        var stopped = await (await admin.GetAsync(Page)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("id=\"form-rollback\"", stopped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AfterTooManyFailures_Is429UntilTheWindowEnds()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        using var client = new DashboardClient(server);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            Assert.Equal(401, (int)(await client.LoginAsync("vk_000000000000.guess-" + i)).StatusCode);
        }

        // Even the right key is refused now, with Retry-After; no session is opened.
        using var limited = await client.LoginAsync(DashboardClient.KeyOf(server.Admin));
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(LoginThrottle.Window, limited.Headers.RetryAfter!.Delta);
        Assert.Null(client.SessionId);

        server.Time.Advance(LoginThrottle.Window - TimeSpan.FromSeconds(1));
        Assert.Equal(429, (int)(await client.LoginAsync(DashboardClient.KeyOf(server.Admin))).StatusCode);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(303, (int)(await client.LoginAsync(DashboardClient.KeyOf(server.Admin))).StatusCode);
        Assert.NotNull(client.SessionId);
    }
}
