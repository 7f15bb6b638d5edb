using System.Globalization;
using System.Text;
using Verdict.Experiments.Events;
using Verdict.Storage.DuckDb;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// A load of new keys into a store that remembers its keys is appended straight into the tables with the property columns
/// filled in .NET (<see cref="DirectAppend"/>); the tables must hold exactly what the staging tables and the SQL merge
/// store for the same loads — every column, the numbers of odd property texts included.
/// </summary>
public sealed class DirectAppendTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "1200", "-0", "0", "007", "3.25", "-12.5", "12345678901234567890", "0.1", "1e3", "1E-2", " 12", "12 ", "+5", ".5", "5.",
        "inf", "-Infinity", "nan", "NaN", "", "refund", "0x10", "1_000", "1,5", "ü", "line\nbreak", "tab\t", "emoji 😀", "true",
        "1e400", "-1e-400", "9007199254740993", "٣", "１２",
    ];

    private static readonly string[] PlainKeys = ["latency_ms", "plan", "device-type", "tier_2", "Z9"];
    private static readonly string[] OddKeys = ["a.b", "x y", "ü", "q\"uote", "back\\slash", "[0]"];

    private readonly string folder = Directory.CreateTempSubdirectory("verdict-direct-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Commit_NewKeysAppendedDirectly_StoreTheSameRowsAsTheMerge()
    {
        using var merged = DuckDbEventStore.Open(Path.Combine(folder, "merged.duckdb"));
        using var direct = DuckDbEventStore.Open(Path.Combine(folder, "direct.duckdb")).RememberKeys();
        var random = new Random(20261129);

        // Plain keys only (appended directly); new plain keys arriving later (columns added between loads); odd keys
        // (the direct path declines them); a retry (known keys: merged); plain again after all of that.
        var loads = new List<(List<ExposureRecord>, List<OutcomeEvent>)>
        {
            Load(random, "a", PlainKeys[..2]),
            Load(random, "b", PlainKeys),
            Load(random, "c", [.. PlainKeys, .. OddKeys]),
        };
        loads.Add(loads[1]);
        loads.Add(Load(random, "d", PlainKeys));
        foreach (var (exposures, events) in loads)
        {
            Assert.Equal(Commit(merged, exposures, events), Commit(direct, exposures, events));
        }

        Assert.Equal(3, direct.DirectLoads);
        Assert.Equal(0, merged.DirectLoads);
        Assert.Equal(Dump(merged, "exposures"), Dump(direct, "exposures"));
        Assert.Equal(Dump(merged, "events"), Dump(direct, "events"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-12.50", true)]
    [InlineData("007", true)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("1e3", false)]
    [InlineData(" 1", false)]
    [InlineData("1234567890123456789012345", false)]
    public void IsPlainDecimal_Text_OnlyDigitsWithOptionalSignAndFraction(string text, bool expected) =>
        Assert.Equal(expected, PropertyNumbers.IsPlainDecimal(text));

    private static (List<ExposureRecord>, List<OutcomeEvent>) Load(Random random, string prefix, string[] keys)
    {
        var start = new DateTimeOffset(2026, 5, 18, 8, 0, 0, TimeSpan.Zero);
        var exposures = Enumerable.Range(0, 200).Select(i => new ExposureRecord(
            "refund-query-rewrite", 1, $"{prefix}-u{i}", i % 2 == 0 ? "control" : "rewrite", start.AddSeconds(i), i % 3 == 0 ? null : "sha256:r",
            i % 4 == 0 ? new Dictionary<string, string> { ["plan"] = "pro", ["é"] = "1" } : new Dictionary<string, string>())).ToList();
        var events = Enumerable.Range(0, 1000).Select(i =>
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var p = random.Next(4); p > 0; p--)
            {
                properties[keys[random.Next(keys.Length)]] = random.Next(3) switch
                {
                    0 => Texts[random.Next(Texts.Length)],
                    1 => (random.NextDouble() * 10_000 - 5_000).ToString("R", CultureInfo.InvariantCulture),
                    _ => random.Next(-100_000, 100_000).ToString(CultureInfo.InvariantCulture),
                };
            }

            double? value = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 100, random.Next(4));
            return new OutcomeEvent("answer_generated", $"{prefix}-u{i % 97}", start.AddMilliseconds(i * 1.5), value, properties, $"{prefix}-k{i}");
        }).ToList();
        return (exposures, events);
    }

    private static (long, long) Commit(EventStore store, List<ExposureRecord> exposures, List<OutcomeEvent> events)
    {
        using var loader = store.BeginLoad();
        exposures.ForEach(loader.Add);
        events.ForEach(loader.Add);
        return loader.Commit();
    }

    /// <summary>Every row and column in a fixed order; doubles by their bits (so -0 and 0 differ).</summary>
    private static string Dump(EventStore store, string table)
    {
        var text = new StringBuilder();
        using var reader = store.Query($"SELECT * FROM {table} ORDER BY ALL", []);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            text.Append(reader.GetName(i)).Append('|');
        }

        while (reader.Read())
        {
            text.Append('\n');
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(value switch
                {
                    DBNull => "NULL",
                    double d => BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture),
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                }).Append('|');
            }
        }

        return text.ToString();
    }
}
