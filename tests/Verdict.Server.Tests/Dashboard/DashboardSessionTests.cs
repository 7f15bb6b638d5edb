using Microsoft.AspNetCore.Http;
using Verdict.Server.ControlPlane;
using Verdict.Server.Dashboard;

namespace Verdict.Server.Tests.Dashboard;

/// <summary>Dashboard logins, cookies and sessions over plain HTTP against the real server (docs/dashboard.md, "Sessions").</summary>
public sealed class DashboardSessionTests
{
    [Fact]
    public async Task Login_UnknownSdkOrRevokedKey_IsRefusedWithoutASession()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var cases = new (string Key, int Status)[]
        {
            ("vk_000000000000.not-a-real-secret", 401),
            (DashboardClient.KeyOf(server.Admin) + "x", 401),
            (DashboardClient.KeyOf(server.Revoked), 401),
            (DashboardClient.KeyOf(server.Sdk), 403),
            (string.Empty, 401),
        };
        foreach (var (key, status) in cases)
        {
            using var client = new DashboardClient(server);
            using var response = await client.LoginAsync(key);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Null(client.SessionId);
            Assert.Contains("id=\"error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Login_WithoutTheLoginFormsToken_IsRefused()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        using var client = new DashboardClient(server);
        using var response = await client.PostAsync("/login", new() { ["key"] = DashboardClient.KeyOf(server.Admin) });
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Null(client.SessionId);
    }

    [Fact]
    public async Task Login_AdminKey_SetsAnHttpOnlyStrictCookieThatIsNotTheKey()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        await server.CreateAndStartAsync();
        using var client = new DashboardClient(server);
        var key = DashboardClient.KeyOf(server.Admin);
        using var response = await client.LoginAsync(key);

        Assert.Equal(303, (int)response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardEndpoints.SessionCookie + "=", StringComparison.Ordinal));
        var flags = cookie.ToLowerInvariant();
        Assert.Contains("httponly", flags, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", flags, StringComparison.Ordinal);
        Assert.Contains("path=/", flags, StringComparison.Ordinal);
        Assert.Contains($"max-age={(int)DashboardEndpoints.SessionLifetime.TotalSeconds}", flags, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", flags, StringComparison.Ordinal); // plain HTTP on loopback; see the HTTPS test
        Assert.DoesNotContain(key, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(key[3..15], cookie, StringComparison.Ordinal);

        using var list = await client.GetAsync("/");
        Assert.Equal(200, (int)list.StatusCode);
        var html = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-key=\"refund-query-rewrite\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(key, html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", list.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Options_Https_MakesTheCookieSecure(bool https)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = https ? "https" : "http";
        var options = DashboardCookies.Options(http, null);
        Assert.Equal(https, options.Secure);
        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.SameSite);
    }

    [Fact]
    public async Task Session_PastItsLifetime_SendsBackToLogin()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        using var client = new DashboardClient(server);
        Assert.Equal(303, (int)(await client.LoginAsync(DashboardClient.KeyOf(server.Reader))).StatusCode);
        server.Time.Advance(DashboardEndpoints.SessionLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(200, (int)(await client.GetAsync("/")).StatusCode);
        server.Time.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetAsync("/");
        Assert.Equal(303, (int)expired.StatusCode);
        Assert.Equal("/login", expired.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        using var client = new DashboardClient(server);
        await client.LoginAsync(DashboardClient.KeyOf(server.Admin));
        var sessionId = client.SessionId!;
        var token = DashboardClient.Token(await (await client.GetAsync("/")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(303, (int)(await client.PostAsync("/logout", new() { ["csrf"] = token })).StatusCode);

        // Replaying the old session id (as a stolen cookie would) no longer works.
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/"));
        replay.Headers.Add("Cookie", $"{DashboardEndpoints.SessionCookie}={sessionId}");
        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var response = await raw.SendAsync(replay, TestContext.Current.CancellationToken);
        Assert.Equal(303, (int)response.StatusCode);
    }

    [Fact]
    public async Task Session_KeyRevoked_EndsAtTheNextRequest()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var (record, text) = server.Registry.CreateKey(Verdict.Server.Auth.ApiKeyRole.Admin, "temp-admin", "test");
        using var client = new DashboardClient(server);
        await client.LoginAsync(text);
        Assert.Equal(200, (int)(await client.GetAsync("/")).StatusCode);
        server.Registry.RevokeKey(record.Id, "test", "rotated");
        Assert.Equal(303, (int)(await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Pages_WithoutASession_RedirectOrRefuse()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        await server.CreateAndStartAsync();
        using var client = new DashboardClient(server);
        Assert.Equal(303, (int)(await client.GetAsync("/")).StatusCode);
        Assert.Equal(303, (int)(await client.GetAsync("/experiments/refund-query-rewrite?key=" + Uri.EscapeDataString(DashboardClient.KeyOf(server.Admin)))).StatusCode);
        Assert.Equal(401, (int)(await client.PostAsync("/experiments/refund-query-rewrite/pause", new() { ["reason"] = "x" })).StatusCode);
        Assert.Equal(ExperimentStatus.Running, server.Registry.Records.Single().Status);
    }
}
