using System.Globalization;
using System.Text;
using Verdict.Storage.ClickHouse;
using Xunit;

namespace Verdict.Storage.Tests.ClickHouse;

/// <summary>
/// The one function that writes user text into ClickHouse SQL, attacked with seeded random strings built from the
/// pieces that break escaping: quotes, backslashes, NUL, lone surrogates and bytes that are not UTF-8, braces and
/// placeholder look-alikes. Offline: the literal's shape; on the cluster: the server reads back exactly the bytes.
/// </summary>
public sealed class ClickHouseSqlTests
{
    private static readonly string[] Pieces =
    [
        "'", "\\", "\\'", "''", "\0", "{", "}", "{p0}", "{p1}", "{x", "\"", "`", ";", "--", "/*", "*/", "\n", "\r", "\t",
        "\uD800", "\uDFFF", "\uDBFF\uDFFF", "é", "日本", "😀", "\u007F", "\u0080", "\uFFFD", "a", "Z", "0", " ", "%", "\\x41", "\\0", "\\N",
        Encoding.UTF8.GetString([0xFF, 0xFE, 0xC0, 0x80]), "DROP TABLE events",
    ];

    private static List<string> Fuzz(int count, int seed)
    {
        var random = new Random(seed);
        var strings = new List<string> { string.Empty };
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 12); j > 0; j--)
            {
                text.Append(random.Next(4) == 0 ? ((char)random.Next(0, 0xFFFF)).ToString() : Pieces[random.Next(Pieces.Length)]);
            }

            strings.Add(text.ToString());
        }

        return strings;
    }

    private static string Hex(string value) => Convert.ToHexString(Encoding.UTF8.GetBytes(value));

    [Fact]
    public void Literal_FuzzedStrings_AreQuotedPrintableAsciiWithNothingThatEndsThem()
    {
        foreach (var value in Fuzz(5000, 1))
        {
            var literal = ClickHouseSql.Literal(value);
            Assert.StartsWith("'", literal, StringComparison.Ordinal);
            Assert.EndsWith("'", literal, StringComparison.Ordinal);
            var inner = literal[1..^1];
            Assert.All(inner, c => Assert.InRange(c, ' ', '~'));
            Assert.DoesNotContain('\'', inner);

            // Every backslash starts a \xHH escape of one byte, so the literal spells out exactly the UTF-8 bytes.
            var bytes = new List<byte>();
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\')
                {
                    Assert.Equal('x', inner[i + 1]);
                    bytes.Add(byte.Parse(inner.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                }
                else
                {
                    bytes.Add((byte)inner[i]);
                }
            }

            Assert.Equal(Encoding.UTF8.GetBytes(value), bytes.ToArray());
        }
    }

    [Fact]
    public void Bind_ValueContainingPlaceholders_IsNotSubstitutedAgain()
    {
        var sql = ClickHouseSql.Bind("SELECT {p0}, {p1}", [new("p0", "{p1}"), new("p1", "x'}")]);
        Assert.Equal("SELECT '{p1}', 'x\\x27}'", sql);
        Assert.Throws<ArgumentException>(() => ClickHouseSql.Bind("SELECT {missing}", [new("p0", 1)]));
    }

    [Fact]
    public void Literal_NumbersAndNonFiniteValues_AreWrittenInvariantlyOrRejected()
    {
        Assert.Equal("-42", ClickHouseSql.Literal(-42L));
        Assert.Equal("0.1", ClickHouseSql.Literal(0.1));
        Assert.Equal("NULL", ClickHouseSql.Literal(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClickHouseSql.Literal(double.NaN));
        Assert.Throws<ArgumentException>(() => ClickHouseSql.Literal(new object()));
        Assert.Throws<ArgumentException>(() => ClickHouseSql.Identifier("events; DROP"));
    }

    [Fact]
    public void Literal_FuzzedStringsOnTheServer_ReadBackAsTheirBytesAndMatchStoredRows()
    {
        using var store = ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
        var values = Fuzz(400, 2);
        foreach (var chunk in values.Chunk(100))
        {
            var row = store.Client.Query("SELECT " + string.Join(", ", chunk.Select(v => $"hex({ClickHouseSql.Literal(v)})"))).Rows[0];
            Assert.Equal(chunk.Select(Hex), row.Cast<string>());
        }

        // The same strings stored through RowBinary (as the loader sends them) are found by their literals.
        using (var loader = store.BeginLoad())
        {
            foreach (var (i, value) in values.Index())
            {
                loader.Add(new Verdict.Experiments.Events.OutcomeEvent(value, "u" + i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch, null, new Dictionary<string, string> { [value] = value }, "k" + i.ToString(CultureInfo.InvariantCulture)));
            }

            loader.Commit();
        }

        foreach (var chunk in values.Chunk(100))
        {
            var conditions = chunk.Select(v => $"countIf(name = {ClickHouseSql.Literal(v)} AND has(properties.key, {ClickHouseSql.Literal(v)}))");
            var row = store.Client.Query($"SELECT {string.Join(", ", conditions)} FROM {store.Address.Database}.events").Rows[0];
            Assert.All(row, n => Assert.True((long)n >= 1));
        }
    }
}
