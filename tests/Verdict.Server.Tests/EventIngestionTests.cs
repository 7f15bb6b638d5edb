using System.Net.Http.Json;
using System.Text;

namespace Verdict.Server.Tests;

/// <summary><c>POST /api/v1/events</c>: formats, idempotency, and bad input refused with nothing stored.</summary>
public sealed class EventIngestionTests
{
    private const string Exposure = """{"type":"exposure","experiment":"refund-query-rewrite","version":1,"unit_id":"customer-014","arm":"control","timestamp":"2026-05-18T08:00:00Z","receipt_hash":"429cf714005283af","attributes":{"device":"mobile"}}""";
    private const string Event = """{"type":"event","name":"conversation_resolved","unit_id":"customer-014","timestamp":"2026-05-18T08:05:00Z","value":1,"idempotency_key":"k-1"}""";

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_NdjsonAndArray_AreCommittedOnce_EvenWhenRetried(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var ndjson = Exposure + "\n\n" + Event + "\n";
        var array = $"[{Event.Replace("k-1", "k-2", StringComparison.Ordinal)}]";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var first = await server.Sdk.PostAsync("/api/v1/events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"), cancellationToken);
            var second = await server.Sdk.PostAsync("/api/v1/events", new StringContent(array, Encoding.UTF8, "application/json"), cancellationToken);
            Assert.Equal((200, 200), ((int)first.StatusCode, (int)second.StatusCode));
            var answer = await ServerHarness.JsonAsync(first);
            Assert.Equal((1, 1), (answer.GetProperty("exposures").GetInt32(), answer.GetProperty("events").GetInt32()));
        }

        Assert.Equal((1, 2), (server.Count("exposures"), server.Count("events")));
    }

    public static readonly TheoryData<string, string, int, long, string?> BadBodies = new()
    {
        { "malformed JSON", Exposure + "\n{\"type\":\"event\",", 400, 2, null },
        { "unknown experiment", Exposure.Replace("refund-query-rewrite", "nope", StringComparison.Ordinal), 400, 1, "experiment" },
        { "unknown arm", Exposure.Replace("\"control\"", "\"variant-b\"", StringComparison.Ordinal), 400, 1, "arm" },
        { "unknown version", Exposure.Replace("\"version\":1", "\"version\":7", StringComparison.Ordinal), 400, 1, "experiment" },
        { "missing unit id", Event.Replace("\"unit_id\":\"customer-014\",", string.Empty, StringComparison.Ordinal), 400, 1, "unit_id" },
        { "NaN value", Event.Replace("\"value\":1", "\"value\":\"NaN\"", StringComparison.Ordinal), 400, 1, "value" },
        { "far-future timestamp", Event.Replace("2026-05-18T08:05:00Z", "2026-06-01T09:06:00Z", StringComparison.Ordinal), 400, 1, "timestamp" },
        { "far-future timestamp 2099", Event.Replace("2026-05-18T08:05:00Z", "2099-01-01T00:00:00Z", StringComparison.Ordinal), 400, 1, "timestamp" },
        { "an array inside", Event.Replace("\"value\":1", "\"value\":[1]", StringComparison.Ordinal), 400, 1, "value" },
        { "a bare number", "42", 400, 1, null },
        { "NUL in an attribute", Exposure.Replace("mobile", "mo\\u0000bile", StringComparison.Ordinal), 400, 1, "attributes" },
        { "empty body", "  \n", 400, 0, null },
        { "bad second line", Event + "\n" + Exposure.Replace("\"control\"", "\"nope\"", StringComparison.Ordinal), 400, 2, "arm" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Events_BadBody_IsRefusedWithLineAndField_AndNothingIsStored(string what, string body, int status, long line, string? field)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var engine in new[] { "duckdb", "postgres" })
        {
            await using var server = await ServerHarness.StartAsync(engine);
            await server.CreateAndStartAsync();
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(body), cancellationToken);
            Assert.True(status == (int)response.StatusCode, what);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await ServerHarness.JsonAsync(response);
            if (line > 0)
            {
                Assert.Equal(line, problem.GetProperty("line").GetInt64());
                Assert.Contains($"line {line}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            if (field is not null)
            {
                Assert.Equal(field, problem.GetProperty("field").GetString());
            }

            Assert.Equal((0, 0), (server.Count("exposures"), server.Count("events")));
            Assert.Equal(200, (int)(await server.Sdk.GetAsync("/api/v1/config", cancellationToken)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_OversizedBodyOrBatch_Is413_AndNothingIsStored(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MaxBodyBytes = 64 * 1024, MaxBatchRows = 10 });
        await server.CreateAndStartAsync();
        var tooMany = string.Join("\n", Enumerable.Range(0, 11).Select(i => Event.Replace("k-1", $"k-{i}", StringComparison.Ordinal)));
        Assert.Equal(413, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent(tooMany), cancellationToken)).StatusCode);
        var tooBig = string.Join("\n", Enumerable.Range(0, 400).Select(i => Event.Replace("k-1", $"k-{i}-{new string('x', 200)}", StringComparison.Ordinal)));
        Assert.Equal(413, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent(tooBig), cancellationToken)).StatusCode);
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(tooBig)));
        Assert.Equal(413, (int)(await server.Sdk.PostAsync("/api/v1/events", chunked, cancellationToken)).StatusCode);
        Assert.Equal((0, 0), (server.Count("exposures"), server.Count("events")));
        Assert.Equal(200, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent(Event), cancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_InvalidUtf8_Is400(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var bytes = Encoding.UTF8.GetBytes(Event).Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var response = await server.Sdk.PostAsync("/api/v1/events", new ByteArrayContent(bytes), cancellationToken);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(0, server.Count("events"));
    }

    [Fact]
    public async Task Queue_Full_RefusesInsteadOfGrowing()
    {
        using var store = Verdict.Storage.DuckDb.DuckDbEventStore.Open(":memory:");
        var queue = new Verdict.Server.Ingestion.IngestionQueue(store, capacity: 2, maxGroupRows: 100, Microsoft.Extensions.Logging.Abstractions.NullLogger<Verdict.Server.Ingestion.IngestionQueue>.Instance);
        var registry = new Verdict.Server.ControlPlane.Registry(new Verdict.Server.ControlPlane.ControlPlaneStore(Verdict.Storage.DuckDb.DuckDbEventStore.Open(":memory:")), TimeProvider.System);
        var batch = new Verdict.Server.Ingestion.EventBatch(registry, DateTimeOffset.MaxValue);
        Assert.NotNull(queue.TryEnqueue(batch));
        Assert.NotNull(queue.TryEnqueue(batch));
        Assert.Null(queue.TryEnqueue(batch));
        Assert.Equal(2, queue.Depth);
    }
}
