using Microsoft.Playwright;
using Verdict.Server.ControlPlane;
using Verdict.Server.Ladder;
using Verdict.Server.Tests.Dashboard;

namespace Verdict.Server.Tests.Ladder;

/// <summary>
/// The ladder section and its buttons as a person uses them, in headless Chromium against the real server on loopback:
/// the stages and the gate show, an admin advances with a reason and rolls back, a reader sees no buttons. Screenshots are
/// kept under the test output directory (<c>dashboard-screenshots/ladder-*.png</c>).
/// </summary>
public sealed class LadderBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    [Fact]
    public async Task Dashboard_LadderAdvanceAndRollBack_InChromium()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null });
        await server.CreateAndStartAsync(LadderTests.Ladder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Verdict.Testing.TestChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Screenshots);

        var admin = await Context(browser);
        var page = await admin.NewPageAsync();
        await LoginAsync(page, server, DashboardClient.KeyOf(server.Admin));
        await page.GotoAsync(Url(server, "/experiments/refund-query-rewrite"));
        Assert.Equal("canary-5", await page.Locator("#ladder").GetAttributeAsync("data-current"));
        Assert.Equal(["current", "ahead", "ahead"], await page.Locator("#ladder tr.stage").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.position)"));
        Assert.Equal("not-passed", await page.Locator("#gate").GetAttributeAsync("data-gate"));
        Assert.Contains("too early", await page.Locator("#gate").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "ladder-1-canary.png");

        await page.SelectOptionAsync("#advance-to", "ab-25");
        await page.FillAsync("#reason-advance", "canary reviewed by the on-call lead");
        await page.ClickAsync("#advance");
        await page.WaitForSelectorAsync("#ladder[data-current='ab-25']");
        Assert.Equal("25 %", await page.Locator("#exposure").InnerTextAsync());
        var newest = page.Locator("#audit tr.audit").First;
        Assert.Equal(LadderState.ForcedAdvance, await newest.GetAttributeAsync("data-action"));
        Assert.StartsWith("canary reviewed by the on-call lead", await newest.Locator("td.reason").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "ladder-2-advanced.png");

        // A reader sees the ladder but no buttons.
        var reader = await Context(browser);
        var readPage = await reader.NewPageAsync();
        await LoginAsync(readPage, server, DashboardClient.KeyOf(server.Reader));
        await readPage.GotoAsync(Url(server, "/experiments/refund-query-rewrite"));
        Assert.Equal("ab-25", await readPage.Locator("#ladder").GetAttributeAsync("data-current"));
        Assert.Equal(0, await readPage.Locator("#form-advance, #form-rollback, #advance, #rollback").CountAsync());

        await page.FillAsync("#reason-rollback", "answers cite a withdrawn policy");
        await page.ClickAsync("#rollback");
        await page.WaitForSelectorAsync("#status[data-status='stopped']");
        Assert.Equal("rollback", await page.Locator("#audit tr.audit").First.GetAttributeAsync("data-action"));
        Assert.Equal(ExperimentStatus.Stopped, server.Registry.Records.Single().Status);
        await Shot(page, "ladder-3-rolled-back.png");
        await admin.CloseAsync();
        await reader.CloseAsync();
    }

    private static async Task<IBrowserContext> Context(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });

        // Pages run an analysis on the server; a limit on waiting under a loaded machine, not a speed claim.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        return context;
    }

    private static async Task LoginAsync(IPage page, ServerHarness server, string key)
    {
        await page.GotoAsync(Url(server, "/login"));
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#experiments");
    }

    private static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 20_000, $"{name} is nearly empty");
    }

    private static string Url(ServerHarness server, string path) => new Uri(server.BaseAddress, path).AbsoluteUri;
}
