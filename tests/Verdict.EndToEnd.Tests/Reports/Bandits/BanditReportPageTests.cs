using System.Globalization;
using Microsoft.Playwright;

namespace Verdict.EndToEnd.Tests.Reports.Bandits;

/// <summary>
/// The bandit page of <c>verdict report</c> (docs/report.md, "Bandit") over a bandit computed from a real store: the
/// caveat first, the weights over time, the posterior and P(best), the regret and the honest estimates, and in
/// Chromium every chart laid out with its series and no request leaving the file.
/// </summary>
public sealed class BanditReportPageTests(ServedBandit bandit, ITestOutputHelper output) : IClassFixture<ServedBandit>
{
    [Fact]
    public void Render_FourPeriods_ShowsEverySectionWithTheUpdatesNumbers()
    {
        var html = bandit.Html;
        var report = bandit.Report!;
        Assert.True(html.IndexOf("id=\"bandit-caveat\"", StringComparison.Ordinal) < html.IndexOf("id=\"bandit-weights\"", StringComparison.Ordinal), "the caveat comes before any number");
        Assert.Contains("not a fixed-horizon launch test", html, StringComparison.Ordinal);
        foreach (var id in new[] { "bandit-weights", "bandit-probability-best", "bandit-posterior", "bandit-regret", "bandit-posterior-table", "bandit-estimates-table" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // One row per period, and the posterior table holds the update's posteriors.
        Assert.Equal(5, bandit.State.Periods.Count);
        Assert.Equal(bandit.State.Periods.Count + 1, html.Split("</table>")[0].Split("<tr>").Length - 1);
        foreach (var posterior in report.Posteriors)
        {
            Assert.Contains($"<td>{posterior.Mean.ToString("0.####", CultureInfo.InvariantCulture)}</td>", html, StringComparison.Ordinal);
        }

        Assert.Equal(report.EstimatedRegret, report.RegretByPeriod[^1], 9);
        Assert.Equal(bandit.State.Periods.Count - 1, report.RegretByPeriod.Count);
        Assert.Contains("Brief lock 0123abcd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_InChromium_DrawsEveryChartAndTheCaveat()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Verdict.Testing.TestChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(bandit.HtmlPath).AbsoluteUri);

        Assert.Contains("not a fixed-horizon launch test", await page.Locator("#bandit-caveat").InnerTextAsync(), StringComparison.Ordinal);
        var expected = new Dictionary<string, string[]>
        {
            ["bandit-weights"] = ["control", "treatment"],
            ["bandit-probability-best"] = ["control", "treatment"],
            ["bandit-posterior"] = ["control", "treatment"],
            ["bandit-regret"] = ["regret"],
        };
        foreach (var (id, series) in expected)
        {
            var chart = page.Locator($"#{id}");
            Assert.Equal(series, (await chart.GetAttributeAsync("data-series"))!.Split(','));
            var svg = chart.Locator("svg.plot");
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"{id} is not laid out: {box?.Width}×{box?.Height}");
            var shapes = await svg.Locator("path, line, polyline, polygon, rect, circle").CountAsync();
            Assert.True(shapes > 10, $"{id} drew only {shapes} shapes");
            output.WriteLine($"{id}: {shapes} shapes, {box!.Width:0}×{box.Height:0}");
        }

        var screenshot = Path.Combine(AppContext.BaseDirectory, "bandit-report-screenshot.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }
}
