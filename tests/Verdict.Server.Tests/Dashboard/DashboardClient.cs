using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;

namespace Verdict.Server.Tests.Dashboard;

/// <summary>
/// A browser-like HTTP client for the dashboard: it keeps cookies, does not follow redirects (so each 303 is seen), logs
/// in through the form with its CSRF token and reads the tokens the pages carry.
/// </summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClientHandler handler;

    public DashboardClient(ServerHarness server)
    {
        Cookies = new CookieContainer();
        handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        Http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        BaseAddress = server.BaseAddress;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress { get; }

    /// <summary>The text of a harness client's key (the harness keeps it only in the client's Authorization header).</summary>
    public static string KeyOf(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>The dashboard session cookie's value, or null.</summary>
    public string? SessionId => Cookies.GetCookies(BaseAddress)[Verdict.Server.Dashboard.DashboardEndpoints.SessionCookie]?.Value;

    /// <summary>Opens the login form and posts <paramref name="key"/> with the form's token.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string key)
    {
        var form = await Http.GetStringAsync("/login", TestContext.Current.CancellationToken);
        return await PostAsync("/login", new() { ["csrf"] = Token(form), ["key"] = key });
    }

    /// <summary>A started server with the example running, a client logged in with <paramref name="key"/>, and the page at <paramref name="path"/> with its CSRF token.</summary>
    public static async Task<(DashboardClient Client, string Page, string Token)> LoggedInAsync(ServerHarness server, HttpClient key, string path = "/")
    {
        await server.CreateAndStartAsync();
        var client = new DashboardClient(server);
        Assert.Equal(303, (int)(await client.LoginAsync(KeyOf(key))).StatusCode);
        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (client, page, Token(page));
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>The CSRF token in a page's forms.</summary>
    public static string Token(string html) => CsrfInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no csrf field on the page");

    /// <summary>Simulated support-bot traffic for the experiment, as the NDJSON lines an SDK would send.</summary>
    public static List<string> Simulate(ExperimentBrief brief, int units)
    {
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonEventWriter(buffer, leaveOpen: true))
        {
            new SupportBotSimulator(brief, new SupportBotScenario { Units = units, Seed = 11 }).Run(writer, TestContext.Current.CancellationToken);
        }

        return [.. Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Creates and starts the example (optionally edited) and posts simulated traffic through the events API.</summary>
    public static async Task SeedAsync(ServerHarness server, int units, Func<string, string>? edit = null)
    {
        await server.CreateAndStartAsync(edit);
        foreach (var chunk in Simulate(server.Registry.Brief("refund-query-rewrite", 1)!, units).Chunk(2500))
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(string.Join("\n", chunk)), TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfInput();
}
