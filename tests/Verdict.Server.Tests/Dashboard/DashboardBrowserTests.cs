using Microsoft.Playwright;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Tests.Dashboard;

/// <summary>
/// The dashboard as a person uses it, in headless Chromium (Debian's <c>chromium</c>, driven by Playwright) against the
/// real server on loopback with simulated traffic in DuckDB. Screenshots are kept under the test output directory
/// (<c>dashboard-screenshots/</c>). When Chromium is missing the test skips, unless <c>VERDICT_REQUIRE_SERVICES=1</c>.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    [Fact]
    public async Task Dashboard_AdminPausesAndReaderCannot_InChromium()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        await DashboardClient.SeedAsync(server, 3000, yaml => yaml.Replace("design: fixed_horizon", "design: group_sequential\n  looks: [0.1, 0.5, 1.0]\n  spending: obf", StringComparison.Ordinal));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Verdict.Testing.TestChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Screenshots);
        var requests = new List<string>();

        // Admin: log in, see the list, open the experiment, charts render, press pause.
        var admin = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        Patient(admin);
        var page = await admin.NewPageAsync();
        page.Request += (_, request) => requests.Add(request.Url);
        await LoginAsync(page, server, DashboardClient.KeyOf(server.Admin));
        Assert.DoesNotContain("vk_", page.Url, StringComparison.Ordinal);
        var row = page.Locator("tr.experiment[data-key='refund-query-rewrite']");
        Assert.Equal("running", await row.Locator(".badge").GetAttributeAsync("data-status"));
        Assert.Equal("A/B", await row.Locator("td.stage").InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await row.Locator("td.verdict strong").InnerTextAsync()));
        await Shot(page, "1-admin-list.png");

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/experiments/refund-query-rewrite");
        Assert.Equal("running", await page.Locator("#status").GetAttributeAsync("data-status"));
        output.WriteLine(await page.Locator("#verdict").InnerTextAsync());
        await AssertChartAsync(page, "#forest-plot", "lift");
        await AssertChartAsync(page, "#cumulative-effect", "cumulative-lift");
        await AssertChartAsync(page, "#arm-counts", "observed");
        Assert.Contains("sequential-boundary", (await page.Locator("#cumulative-effect").GetAttributeAsync("data-series"))!.Split(','));
        // The server runs the monitor; this brief registers no monitor block, and the section says so.
        Assert.Equal("present", await page.Locator("#guardrails").GetAttributeAsync("data-monitor"));
        Assert.Contains("registers a monitor block", await page.Locator("#guardrails").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(server.Registry.Records.Single().LockHash, await page.Locator("#lock-hash").InnerTextAsync());
        await Shot(page, "2-admin-experiment.png");

        await page.FillAsync("#reason-pause", "p95 alert in the canary");
        await page.ClickAsync("#pause");
        await page.WaitForSelectorAsync("#status[data-status='paused']");
        var newest = page.Locator("#audit tr.audit").First;
        Assert.Equal("pause", await newest.GetAttributeAsync("data-action"));
        Assert.Equal("p95 alert in the canary", await newest.Locator("td.reason").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#resume").CountAsync());
        Assert.Equal(0, await page.Locator("#pause").CountAsync());
        Assert.Equal(ExperimentStatus.Paused, server.Registry.Records.Single().Status);
        await Shot(page, "3-admin-paused.png");

        // The admin's own cookie without the form's token: refused.
        var forged = await admin.APIRequest.PostAsync(Url(server, "/experiments/refund-query-rewrite/stop"), new() { Form = Form(admin.APIRequest, ("reason", "forged")), MaxRedirects = 0 });
        Assert.Equal(403, forged.Status);

        // A page from another origin posting a form: SameSite=Strict keeps the cookie home, so there is no session.
        var attacker = await admin.NewPageAsync();
        await attacker.SetContentAsync($"<form method=post action=\"{Url(server, "/experiments/refund-query-rewrite/stop")}\"><input name=reason value=forged><button id=go>go</button></form>");
        var crossSite = await attacker.RunAndWaitForResponseAsync(() => attacker.ClickAsync("#go"), r => r.Url.EndsWith("/stop", StringComparison.Ordinal));
        Assert.Equal(401, crossSite.Status);

        // Reader: no buttons; a POST without, with a wrong, or with the reader's own token is refused.
        var reader = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        Patient(reader);
        var readPage = await reader.NewPageAsync();
        readPage.Request += (_, request) => requests.Add(request.Url);
        await LoginAsync(readPage, server, DashboardClient.KeyOf(server.Reader));
        await readPage.GotoAsync(Url(server, "/experiments/refund-query-rewrite"));
        Assert.Equal("read", await readPage.Locator("#who").GetAttributeAsync("data-role"));
        Assert.Equal(0, await readPage.Locator("#actions, form.action, #pause, #resume, #stop, #ramp").CountAsync());
        await AssertChartAsync(readPage, "#forest-plot", "lift");
        await Shot(readPage, "4-reader-experiment.png");
        var token = await readPage.Locator("input[name=csrf]").First.GetAttributeAsync("value");
        foreach (var fields in new[] { Form(reader.APIRequest, ("reason", "forged")), Form(reader.APIRequest, ("reason", "forged"), ("csrf", "not-the-token")), Form(reader.APIRequest, ("reason", "forged"), ("csrf", token!)) })
        {
            var refused = await reader.APIRequest.PostAsync(Url(server, "/experiments/refund-query-rewrite/resume"), new() { Form = fields, MaxRedirects = 0 });
            Assert.Equal(403, refused.Status);
        }

        Assert.Equal(ExperimentStatus.Paused, server.Registry.Records.Single().Status);
        Assert.All(requests, url => Assert.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        await admin.CloseAsync();
        await reader.CloseAsync();
        output.WriteLine($"screenshots: {Screenshots}");
    }

    private static async Task LoginAsync(IPage page, ServerHarness server, string key)
    {
        await page.GotoAsync(Url(server, "/login"));
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#experiments");
    }

    private async Task AssertChartAsync(IPage page, string selector, string series)
    {
        var chart = page.Locator(selector);
        Assert.Contains(series, (await chart.GetAttributeAsync("data-series"))!.Split(','));
        var svg = chart.Locator("svg.plot").First;
        var box = await svg.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"{selector} is not laid out: {box?.Width}×{box?.Height}");
        var shapes = await svg.Locator("path, line, polyline, polygon, rect, circle").CountAsync();
        Assert.True(shapes > 20, $"{selector} drew only {shapes} shapes");
        output.WriteLine($"{selector}: {shapes} shapes, {box!.Width:0}×{box.Height:0}");
    }

    private static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 20_000, $"{name} is nearly empty");
    }

    private static string Url(ServerHarness server, string path) => new Uri(server.BaseAddress, path).AbsoluteUri;

    private static IFormData Form(IAPIRequestContext api, params (string Name, string Value)[] fields)
    {
        var form = api.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>
    /// Pages render an analysis on the server; when the whole suite runs in parallel on two cores that can take longer
    /// than Playwright's 30 s default, which is a limit on waiting, not a claim about speed.
    /// </summary>
    private static void Patient(Microsoft.Playwright.IBrowserContext context)
    {
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
    }
}
