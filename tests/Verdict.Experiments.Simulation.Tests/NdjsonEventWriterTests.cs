using System.Text;
using System.Text.Json;
using Verdict.Experiments.Events;
using Verdict.Testing;

namespace Verdict.Experiments.Simulation.Tests;

public sealed class NdjsonEventWriterTests
{
    [Fact]
    public void Simulate_SameSeed_WritesIdenticalBytes()
    {
        var first = Write(new SupportBotScenario { Units = 2000, Seed = 11 });
        var second = Write(new SupportBotScenario { Units = 2000, Seed = 11 });
        var other = Write(new SupportBotScenario { Units = 2000, Seed = 12 });

        Assert.True(first.Length > 100_000);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Simulate_UnitStreams_DoNotDependOnHowManyUnitsAreGenerated()
    {
        // Each unit draws from its own (seed, unit) stream, so the first 500 units of a 2000-unit run are a prefix.
        // Ids are zero-padded to six digits in both runs.
        var small = Encoding.UTF8.GetString(Write(new SupportBotScenario { Units = 500 }));
        var large = Encoding.UTF8.GetString(Write(new SupportBotScenario { Units = 2000 }));
        Assert.StartsWith(small, large, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ExposureAndEvent_WriteTheDocumentedObjects()
    {
        var lines = Encoding.UTF8.GetString(Write(new SupportBotScenario { Units = 50 })).Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var objects = lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var exposure = objects.First(o => o.GetProperty("type").GetString() == "exposure");
        Assert.Equal(
            ["type", "experiment", "version", "unit_id", "arm", "timestamp", "receipt_hash", "attributes"],
            exposure.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("refund-query-rewrite", exposure.GetProperty("experiment").GetString());
        Assert.Equal(1, exposure.GetProperty("version").GetInt32());
        Assert.Matches("^customer-0000[0-9]{2}$", exposure.GetProperty("unit_id").GetString());
        Assert.Matches(@"^2026-05-(0[4-9]|1[0-7])T\d\d:\d\d:\d\d\.\d{3}Z$", exposure.GetProperty("timestamp").GetString());
        Assert.Matches("^[0-9a-f]{16}$", exposure.GetProperty("receipt_hash").GetString());
        Assert.Contains(exposure.GetProperty("attributes").GetProperty("device").GetString(), new[] { "mobile", "desktop" });

        var answer = objects.First(o => o.GetProperty("type").GetString() == "event" && o.GetProperty("name").GetString() == "answer_generated");
        Assert.Equal(
            ["type", "name", "unit_id", "timestamp", "value", "properties", "idempotency_key"],
            answer.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(answer.GetProperty("value").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("properties").GetProperty("latency_ms").GetString());
        Assert.Equal(answer.GetProperty("unit_id").GetString() + ":answer_generated:1", answer.GetProperty("idempotency_key").GetString());

        var question = objects.First(o => o.GetProperty("type").GetString() == "event" && o.GetProperty("name").GetString() == "refund_question_submitted");
        Assert.Equal(JsonValueKind.Null, question.GetProperty("value").ValueKind);
        Assert.Empty(question.GetProperty("properties").EnumerateObject());
    }

    [Fact]
    public void Add_TimestampWithOffset_IsWrittenInUtc()
    {
        using var stream = new MemoryStream();
        using (var writer = new NdjsonEventWriter(stream, leaveOpen: true))
        {
            writer.Add(new OutcomeEvent("x", "u", new DateTimeOffset(2026, 5, 4, 2, 0, 0, 250, TimeSpan.FromHours(2)), 1.5, new Dictionary<string, string> { ["k"] = "v" }, "u:x:1"));
        }

        Assert.Equal(
            """{"type":"event","name":"x","unit_id":"u","timestamp":"2026-05-04T00:00:00.250Z","value":1.5,"properties":{"k":"v"},"idempotency_key":"u:x:1"}""" + "\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static byte[] Write(SupportBotScenario scenario)
    {
        using var stream = new MemoryStream();
        using (var writer = new NdjsonEventWriter(stream, leaveOpen: true))
        {
            new SupportBotSimulator(Example.Brief(), scenario).Run(writer, TestContext.Current.CancellationToken);
        }

        return stream.ToArray();
    }
}
