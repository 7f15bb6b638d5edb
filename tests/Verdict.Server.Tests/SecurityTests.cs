using System.Net.Http.Json;

namespace Verdict.Server.Tests;

/// <summary>Every endpoint × {no key, sdk, read, admin, revoked} gives the documented status (docs/server.md, "Keys and roles").</summary>
public sealed class SecurityTests
{
    // Endpoint, then the status for: none, sdk, read, admin, revoked. "ok" stands for the endpoint's success status.
    public static readonly TheoryData<string, string, int, int, int, int, int> Matrix = new()
    {
        { "GET", "/api/v1/config", 401, 200, 403, 200, 401 },
        { "POST", "/api/v1/assign", 401, 200, 403, 200, 401 },
        { "POST", "/api/v1/events", 401, 200, 403, 200, 401 },
        { "GET", "/api/v1/experiments", 401, 403, 200, 200, 401 },
        { "GET", "/api/v1/experiments/refund-query-rewrite/audit", 401, 403, 200, 200, 401 },
        { "GET", "/api/v1/experiments/refund-query-rewrite/results", 401, 403, 200, 200, 401 },
        { "POST", "/api/v1/experiments", 401, 403, 403, 409, 401 },
        { "POST", "/api/v1/experiments/refund-query-rewrite/pause", 401, 403, 403, 200, 401 },
        { "GET", "/api/v1/keys", 401, 403, 403, 200, 401 },
        { "POST", "/api/v1/keys", 401, 403, 403, 201, 401 },
        { "GET", "/healthz", 200, 200, 200, 200, 200 },
        { "GET", "/readyz", 200, 200, 200, 200, 200 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_EachKind_GetsDocumentedStatus(string method, string path, int none, int sdk, int read, int admin, int revoked)
    {
        foreach (var engine in new[] { "duckdb", "postgres" })
        {
            await using var server = await ServerHarness.StartAsync(engine);
            await server.CreateAndStartAsync();
            var expected = new[] { (server.Anonymous, none), (server.Sdk, sdk), (server.Reader, read), (server.Revoked, revoked), (server.Admin, admin) };
            foreach (var (client, status) in expected)
            {
                using var response = await SendAsync(client, method, path);
                Assert.True(status == (int)response.StatusCode, $"{engine}: {method} {path} with {Describe(server, client)}: expected {status}, got {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Key_Revoked_IsRefusedFromTheNextRequest(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine);
        var created = await ServerHarness.JsonAsync(await server.Admin.PostAsJsonAsync("/api/v1/keys", new { role = "sdk", name = "temp" }, TestContext.Current.CancellationToken));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Verdict-Key", created.GetProperty("key").GetString());
        Assert.Equal(200, (int)(await client.GetAsync("/api/v1/config", TestContext.Current.CancellationToken)).StatusCode);
        var revoke = await server.Admin.PostAsJsonAsync($"/api/v1/keys/{created.GetProperty("id").GetString()}/revoke", new { reason = "rotated" }, TestContext.Current.CancellationToken);
        Assert.Equal(204, (int)revoke.StatusCode);
        Assert.Equal(401, (int)(await client.GetAsync("/api/v1/config", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task KeyList_NeverShowsSecretsOrHashes(string engine)
    {
        await using var server = await ServerHarness.StartAsync(engine);
        var text = await server.Admin.GetStringAsync("/api/v1/keys", TestContext.Current.CancellationToken);
        Assert.Contains("support-bot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vk_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.Ordinal);
        foreach (var key in server.Registry.KeysById.Values)
        {
            Assert.DoesNotContain(key.Hash, text, StringComparison.Ordinal);
        }
    }

    private static string Describe(ServerHarness server, HttpClient client) =>
        client == server.Anonymous ? "no key" : client == server.Sdk ? "an sdk key" : client == server.Reader ? "a read key" : client == server.Admin ? "an admin key" : "a revoked key";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        return (method, path) switch
        {
            ("GET", _) => client.GetAsync(path, cancellationToken),
            (_, "/api/v1/assign") => client.PostAsJsonAsync(path, new { experiment = "refund-query-rewrite", unit_id = "customer-014" }, cancellationToken),
            (_, "/api/v1/events") => client.PostAsync(path, new StringContent("""{"type":"event","name":"refund_question_submitted","unit_id":"customer-014","timestamp":"2026-05-18T08:00:00Z"}"""), cancellationToken),
            (_, "/api/v1/experiments") => client.PostAsJsonAsync(path, ServerHarness.CreateBody(), cancellationToken),
            (_, "/api/v1/keys") => client.PostAsJsonAsync(path, new { role = "sdk", name = "another" }, cancellationToken),
            _ => client.PostAsJsonAsync(path, new { reason = "test" }, cancellationToken),
        };
    }
}
