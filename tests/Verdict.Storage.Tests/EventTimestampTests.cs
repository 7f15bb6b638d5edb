using Verdict.Experiments.Events;
using Verdict.Storage.Ingestion;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>Event files accept exactly the documented timestamp forms (docs/events.md) and refuse the rest with file:line.</summary>
public sealed class EventTimestampTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-ts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private OutcomeEvent ReadCsv(string timestamp)
    {
        var path = Path.Combine(folder, "events.csv");
        File.WriteAllText(path, $"name,unit_id,timestamp,idempotency_key\nsolved,u1,{timestamp},k1\n");
        var sink = new RecordingSink();
        EventFileReader.Read(path, sink);
        return Assert.Single(sink.Events);
    }

    private OutcomeEvent ReadNdjson(string timestampJson)
    {
        var path = Path.Combine(folder, "events.ndjson");
        File.WriteAllText(path, $$"""{"type":"event","name":"solved","unit_id":"u1","timestamp":{{timestampJson}},"idempotency_key":"k1"}""" + "\n");
        var sink = new RecordingSink();
        EventFileReader.Read(path, sink);
        return Assert.Single(sink.Events);
    }

    [Theory]
    [InlineData("2026-05-04T10:15:00Z", "2026-05-04T10:15:00.0000000+00:00")]
    [InlineData("2026-05-04T12:15:00.5+02:00", "2026-05-04T10:15:00.5000000+00:00")]
    [InlineData("2026-05-04T10:15Z", "2026-05-04T10:15:00.0000000+00:00")]
    [InlineData("1777889700000", "2026-05-04T10:15:00.0000000+00:00")]
    public void Read_DocumentedFormInCsv_IsThatInstant(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReadCsv(text).Timestamp);
    }

    [Theory]
    [InlineData("1777889700000")]
    [InlineData("\"1777889700000\"")]
    [InlineData("1777889700000.0")]
    public void Read_EpochMillisecondsInNdjson_AsNumberOrDigitString_AreAccepted(string json)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1777889700000), ReadNdjson(json).Timestamp);
    }

    [Theory]
    [InlineData("16:07")]
    [InlineData("01/02/2026")]
    [InlineData("2026-05-04")]
    [InlineData("2026-05-04T10:15:00")]
    [InlineData("2026-05-04 10:15:00Z")]
    [InlineData("May 4 2026")]
    [InlineData("99999999999999999")]
    public void Read_AnyOtherFormInCsv_IsRefusedWithFileAndLine(string text)
    {
        var error = Assert.Throws<IngestException>(() => ReadCsv(text));
        Assert.Equal(2, error.Line);
        Assert.Contains("timestamp must be ISO-8601 with an offset or Z", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("1777889700000.5")]
    [InlineData("true")]
    public void Read_NumberThatIsNoInstant_IsRefusedWithFileAndLine(string json)
    {
        var error = Assert.Throws<IngestException>(() => ReadNdjson(json));
        Assert.Equal(1, error.Line);
        Assert.Contains("events.ndjson", error.Message, StringComparison.Ordinal);
    }
}
