using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;
using Verdict.Storage;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Postgres;

namespace Verdict.Server.Tests;

/// <summary>
/// A real server on a loopback port (Kestrel) over a real store — a DuckDB file or a fresh PostgreSQL database — with
/// one key of each role and a revoked one, and HTTP clients that carry them.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public static readonly TheoryData<string> Engines = new("duckdb", "postgres");

    private readonly string? directory;

    private ServerHarness(WebApplication app, Func<EventStore> open, string? directory, FakeTimeProvider time)
    {
        App = app;
        OpenStore = open;
        this.directory = directory;
        Time = time;
        Registry = app.Services.GetRequiredService<Registry>();
        BaseAddress = new Uri(VerdictServer.Addresses(app)[0]);
        Admin = Client(Registry.CreateKey(ApiKeyRole.Admin, "alice", "test").Text);
        Sdk = Client(Registry.CreateKey(ApiKeyRole.Sdk, "support-bot", "test").Text);
        Reader = Client(Registry.CreateKey(ApiKeyRole.Read, "auditor", "test").Text);
        var (revoked, text) = Registry.CreateKey(ApiKeyRole.Admin, "former-admin", "test");
        Registry.RevokeKey(revoked.Id, "test", "left the team");
        Revoked = Client(text);
        Anonymous = Client(null);
    }

    public WebApplication App { get; }

    public Func<EventStore> OpenStore { get; }

    public FakeTimeProvider Time { get; }

    public Registry Registry { get; }

    public Uri BaseAddress { get; }

    public HttpClient Admin { get; }

    public HttpClient Sdk { get; }

    public HttpClient Reader { get; }

    public HttpClient Revoked { get; }

    public HttpClient Anonymous { get; }

    public static async Task<ServerHarness> StartAsync(string engine, Func<ServerOptions, ServerOptions>? configure = null)
    {
        string? directory = null;
        Func<EventStore> open;
        if (engine == "postgres")
        {
            var connection = Verdict.Testing.PostgresDatabase.Create();
            open = () => PostgresEventStore.Open(connection);
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("verdict-server-").FullName;
            var path = Path.Combine(directory, "verdict.duckdb");
            open = () => DuckDbEventStore.Open(path);
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new ServerOptions { OpenStore = open, Urls = ["http://127.0.0.1:0"], Time = time };
        options = configure?.Invoke(options) ?? options;
        var app = VerdictServer.Build(options, logging => { });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServerHarness(app, open, directory, time);
    }

    /// <summary>The example brief (edited) and its metrics file as the create endpoint takes them.</summary>
    public static object CreateBody(Func<string, string>? edit = null, string? reason = "registered in review")
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Examples");
        var yaml = File.ReadAllText(Path.Combine(folder, "brief.yaml"));
        return new { brief = edit is null ? yaml : edit(yaml), files = new Dictionary<string, string> { ["metrics.yaml"] = File.ReadAllText(Path.Combine(folder, "metrics.yaml")) }, reason };
    }

    /// <summary>Creates and starts the example experiment (optionally edited).</summary>
    public async Task CreateAndStartAsync(Func<string, string>? edit = null)
    {
        var created = await Admin.PostAsJsonAsync("/api/v1/experiments", CreateBody(edit), TestContext.Current.CancellationToken);
        Assert.Equal(201, (int)created.StatusCode);
        var started = await Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/start", new { reason = "go" }, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)started.StatusCode);
    }

    /// <summary>Rows in a table, read through a connection of the test's own.</summary>
    public long Count(string table)
    {
        using var store = OpenStore();
        return store.Count(table);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Sdk, Reader, Revoked, Anonymous })
        {
            client.Dispose();
        }

        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (directory is not null)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still closing is left for the OS's temp cleanup.
            }
        }
    }

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }
}
