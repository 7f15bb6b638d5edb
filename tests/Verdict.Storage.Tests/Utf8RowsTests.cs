using System.Globalization;
using System.Text;
using Verdict.Experiments.Briefs;
using Verdict.Storage.Ingestion;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// The server's fast NDJSON path (<see cref="Utf8Rows"/>) reads a body only when <see cref="JsonRows"/> accepts it too,
/// and then into the same records; on any other body it declines, and the server reads it with <see cref="JsonRows"/>.
/// </summary>
public sealed class Utf8RowsTests
{
    private static readonly string[] Lines =
    [
        """{"type":"event","name":"answer_generated","unit_id":"u-1","timestamp":"2026-05-18T08:00:00.000Z","value":12,"properties":{"latency_ms":"1200","grounded":true,"n":3.50,"none":null},"idempotency_key":"b1-r1"}""",
        """{"type":"exposure","experiment":"refund-query-rewrite","version":1,"unit_id":"u-2","arm":"rewrite","timestamp":"2026-05-18T08:00:00.5+02:00","receipt_hash":"sha256:ab","attributes":{"plan":"pro"}}""",
        """{"name":"solved","unit_id":"u-3","timestamp":1779091200000,"value":-0.0}""",
        """{"arm":"control","experiment":"e","version":2,"unit_id":"u-4","timestamp":"2026-05-18T08:00:00Z","extra":"x","other":[1]}""",
        """{"type":"event","name":"n\u00e9","unit_id":"u\"5","timestamp":"2026-05-18T08:00:00.1234567Z","value":1e3,"properties":{}}""",
        """{"type":"event","name":"tokens","unit_id":"u-6","timestamp":"2028-02-29T08:00:00Z","value":"","idempotency_key":""}""",
        """{"type":"event","name":"tokens","unit_id":"u-7","timestamp":"2026-05-18T08:00:00Z","value":null,"properties":null,"version":"x"}""",
    ];

    [Fact]
    public void TryRead_CommonBody_ReadsTheRecordsJsonRowsReads()
    {
        var body = string.Join("\r\n", Lines.Where((_, i) => i is 0 or 1 or 2 or 4 or 6)) + "\n\n  \n";

        var fast = new RecordingSink();
        Assert.True(Utf8Rows.TryRead(Encoding.UTF8.GetBytes(body), fast, out var rows));

        Assert.Equal(5, rows);
        Assert.Equal(Describe(Slow(body)!), Describe(fast));
    }

    [Fact]
    public void TryRead_SeededMutations_NeverDisagreesWithJsonRows()
    {
        var random = new Random(13);
        var (accepted, declined) = (0, 0);
        for (var n = 0; n < 4000; n++)
        {
            var body = Mutate(random, string.Join("\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Lines[random.Next(Lines.Length)])));
            var bytes = Encoding.UTF8.GetBytes(body);
            var fast = new RecordingSink();
            if (!Utf8Rows.TryRead(bytes, fast, out _))
            {
                declined++;
                continue;
            }

            accepted++;
            var slow = Slow(body);
            Assert.True(slow is not null, $"the fast path read a body JsonRows refuses: {body}");
            Assert.Equal(Describe(slow), Describe(fast));
        }

        // Both outcomes happen often enough for the comparison to mean something.
        Assert.InRange(accepted, 500, 3500);
        Assert.InRange(declined, 500, 3500);
    }

    [Fact]
    public void UtcTimestamp_SeededTexts_AgreesWithEventTimestamp()
    {
        var random = new Random(29);
        var accepted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}")
                + (random.Next(3) == 0 ? string.Empty : "." + string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => (char)('0' + random.Next(10)))))
                + (random.Next(10) == 0 ? "+00:00" : "Z");
            var expected = EventTimestamp.Parse(text);
            var fast = UtcTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var parsed);
            if (fast)
            {
                accepted++;
                Assert.Equal(expected, parsed);
                Assert.Equal(expected!.Value.Offset, parsed.Offset);
            }
            else if (text.EndsWith('Z') && !text.Contains(".00000000", StringComparison.Ordinal) && text.Length <= 28)
            {
                Assert.Null(expected);
            }
        }

        Assert.InRange(accepted, 2_000, 19_000);
    }

    private static RecordingSink? Slow(string body)
    {
        var sink = new RecordingSink();
        try
        {
            JsonRows.Read(body, "body", sink);
            return sink;
        }
        catch (IngestException)
        {
            return null;
        }
    }

    private const string Inserted = "\"{}[],:\\ 0-.eE\r\n\u2028\u0000\u00a0nulltrue";

    private static string Mutate(Random random, string body)
    {
        var text = new StringBuilder(body);
        for (var m = random.Next(0, 3); m > 0; m--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(8))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, Inserted[random.Next(Inserted.Length)]); break;
                case 2: text.Replace("\"value\":", "\"value\":\"", at, text.Length - at); break;
                case 3: text.Replace("\"type\":\"event\"", random.Next(2) == 0 ? "\"type\":\"\"" : "\"type\":null"); break;
                case 4: text.Replace("\"unit_id\"", "\"unit_id\":\"dup\",\"unit_id\"", at, text.Length - at); break;
                case 5: text.Replace("{\"", "{\"prop.x\":\"1\",\""); break;
                case 6: text.Replace(":\"2026", ":\" 2026"); break;
                default: text.Insert(0, random.Next(2) == 0 ? "\uFEFF" : "[").Append(random.Next(2) == 0 ? "]" : string.Empty); break;
            }
        }

        return text.ToString();
    }

    private static string Describe(RecordingSink sink) => string.Join("\n",
        sink.Exposures.Select(e => $"x|{e.Experiment}|{e.Version}|{e.UnitId}|{e.Arm}|{e.Timestamp.UtcTicks}|{e.Timestamp.Offset}|{e.ReceiptHash ?? "NULL"}|{Map(e.Attributes)}")
            .Concat(sink.Events.Select(e => $"e|{e.Name}|{e.UnitId}|{e.Timestamp.UtcTicks}|{e.Timestamp.Offset}|{(e.Value is { } v ? BitConverter.DoubleToInt64Bits(v) : "NULL")}|{Map(e.Properties)}|{e.IdempotencyKey}")));

    private static string Map(IReadOnlyDictionary<string, string> map) =>
        string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
