using Microsoft.Playwright;
using Verdict.Reports;

namespace Verdict.EndToEnd.Tests.Reports;

/// <summary>
/// Opens the report the way a person does, in headless Chromium (Debian's <c>chromium</c>, driven by Playwright), takes a
/// screenshot, and checks that every chart rendered with its series and that the banner says what the analysis said.
/// When Chromium is missing the tests skip, unless <c>VERDICT_REQUIRE_SERVICES=1</c> (test.sh), where they fail.
/// </summary>
public sealed class BrowserReportTests(ShipExperiment fixture, ITestOutputHelper output) : IClassFixture<ShipExperiment>
{
    private readonly AnalysedExperiment ship = fixture.Experiment;

    [Fact]
    public async Task Report_InChromium_RendersEveryChartAndTheVerdict()
    {
        var path = ship.WriteHtml();
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 50_000);

        var decision = AnalysisDocument.DecisionText(ship.Analysis.Decision);
        Assert.Equal(decision, (await page.Locator("#verdict .decision").InnerTextAsync()).Trim());
        Assert.Equal(decision, await page.Locator("#verdict").GetAttributeAsync("data-decision"));
        Assert.Equal(ship.Analysis.Checks.Count, await page.Locator("#checks tr.check").CountAsync());

        var expected = new Dictionary<string, string[]>
        {
            ["forest-plot-pp"] = ["lift", "zero", "ship-threshold", "budget:grounded_answer_failure_rate", "budget:escalation_rate"],
            ["forest-plot-ms"] = ["lift", "zero", "budget:p95_latency"],
            ["forest-plot-relative"] = ["lift", "zero"],
            ["cumulative-effect"] = ["cumulative-lift", "interval", "zero", "ship-threshold"],
            ["daily-effects"] = ["daily-lift", "zero", "overall"],
            ["arm-counts"] = ["observed", "expected", "planned"],
            ["segment-effects"] = ["segment-lift", "zero", "pooled"],
        };
        foreach (var (id, series) in expected)
        {
            var chart = page.Locator($"#{id}");
            var declared = (await chart.GetAttributeAsync("data-series"))!.Split(',');
            Assert.All(series, s => Assert.Contains(s, declared));
            var svg = chart.Locator("svg.plot");
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"{id} is not laid out: {box?.Width}×{box?.Height}");
            var shapes = await svg.Locator("path, line, polyline, polygon, rect, circle").CountAsync();
            Assert.True(shapes > 20, $"{id} drew only {shapes} shapes");
            output.WriteLine($"{id}: {shapes} shapes, {box!.Width:0}×{box.Height:0}");
            Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("text").First.TextContentAsync()), $"{id} has no labels");
        }

        var forestText = string.Concat(await page.Locator("#forest-plot svg text").AllTextContentsAsync());
        Assert.Contains("resolved_conversation_rate", forestText, StringComparison.Ordinal);
        Assert.Contains("p95_latency", forestText, StringComparison.Ordinal);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }

    private static async Task<LaunchedBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Verdict.Testing.TestChromium.LaunchAsync(playwright);
        return new LaunchedBrowser(playwright, browser);
    }

    /// <summary>A launched browser and the Playwright driver behind it, closed together.</summary>
    private sealed class LaunchedBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
