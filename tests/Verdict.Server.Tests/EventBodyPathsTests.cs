using System.Text;

namespace Verdict.Server.Tests;

/// <summary>
/// <c>POST /api/v1/events</c> reads a plain NDJSON body on its fast path and any other body (here a byte-order mark and
/// CRLF line ends, which the fast path declines) with the file reader; both store the same rows, and a body sent both
/// ways still counts once.
/// </summary>
public sealed class EventBodyPathsTests
{
    private static string Rows(string prefix) => string.Join("\n", Enumerable.Range(0, 50).Select(i =>
        $$"""{"type":"event","name":"answer_generated","unit_id":"customer-{{i % 7}}","timestamp":"2026-05-18T08:00:0{{i % 10}}.25Z","value":{{i}}.5,"properties":{"latency_ms":"{{1000 + i}}","plan":"pro"},"idempotency_key":"{{prefix}}-{{i}}"}"""));

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_PlainAndDeclinedBodies_StoreTheSameRowsOnce(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var plain = Rows("a");
        var declined = "\uFEFF" + Rows("b").Replace("\n", "\r\n", StringComparison.Ordinal);

        foreach (var body in new[] { plain, declined, plain, declined })
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(body, new UTF8Encoding(false), "application/x-ndjson"), cancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
        }

        Assert.Equal(100, server.Count("events"));
        using var store = server.OpenStore();
        string Stored(string prefix)
        {
            using var reader = store.Query($"SELECT name, unit_id, ts, value, properties, p1, p1_num, p2, p2_num FROM events WHERE idempotency_key LIKE '{prefix}-%' ORDER BY ts, value", []);
            var text = new StringBuilder();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        Assert.Equal(50, Stored("a").Count(c => c == '\n'));
        Assert.Equal(Stored("a"), Stored("b"));
    }
}
