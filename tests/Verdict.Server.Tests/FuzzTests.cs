using System.Text;

namespace Verdict.Server.Tests;

/// <summary>A few thousand seeded random and mutated bodies: never a 5xx, and a refused body never leaves a row behind.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        """{"type":"exposure","experiment":"refund-query-rewrite","version":1,"unit_id":"u-1","arm":"control","timestamp":"2026-05-18T08:00:00Z","attributes":{"device":"mobile"}}""",
        """{"type":"event","name":"conversation_resolved","unit_id":"u-1","timestamp":"2026-05-18T08:05:00Z","value":1,"properties":{"k":"v"},"idempotency_key":"k-1"}""",
        """[{"type":"event","name":"ticket_opened","unit_id":"u-2","timestamp":1779091200000}]""",
    ];

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "NaN", "1e400", "-1", "\\u0000", "\u00e9", "\n", "\"type\":\"exposure\"", "\"version\":0", "\"arm\":\"treatment\"", "\"timestamp\":\"16:07\"", "\"value\":{}", "'"];

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_RandomAndMutatedBodies_NeverFailTheServerOrLeaveRows(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var random = new Random(20261129);
        var rows = (server.Count("exposures"), server.Count("events"));
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < 2000; i++)
        {
            var body = Body(random);
            using var response = await server.Sdk.PostAsync("/api/v1/events", new ByteArrayContent(body), cancellationToken);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"body {i} got {status}: {Encoding.UTF8.GetString(body)}");
            if (status == 200)
            {
                accepted++;
                rows = (server.Count("exposures"), server.Count("events"));
                continue;
            }

            refused++;
            if (i % 10 == 0)
            {
                // Counting every time would dominate the run; every tenth refusal is checked against the last acceptance.
                Assert.Equal(rows, (server.Count("exposures"), server.Count("events")));
            }
        }

        Assert.True(accepted > 20 && refused > 1000, $"accepted {accepted}, refused {refused}: the mutations should produce both");
        Assert.Equal(rows, (server.Count("exposures"), server.Count("events")));
        Assert.Equal(200, (int)(await server.Sdk.GetAsync("/api/v1/config", cancellationToken)).StatusCode);
    }

    private static byte[] Body(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                return noise;
            case 1:
                return Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)].Replace("u-1", "u-" + random.Next(1000), StringComparison.Ordinal).Replace("k-1", "k-" + random.Next(1000), StringComparison.Ordinal));
            default:
                var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
                for (var m = random.Next(1, 4); m > 0; m--)
                {
                    var at = random.Next(text.Length + 1);
                    switch (random.Next(3))
                    {
                        case 0 when text.Length > 0:
                            text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 8), text.Length - Math.Min(at, text.Length - 1)));
                            break;
                        case 1:
                            text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                            break;
                        default:
                            text.Insert(at, (char)random.Next(0x20, 0x7F));
                            break;
                    }
                }

                return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
