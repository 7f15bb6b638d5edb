using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>One JSON writer for every command and file: full precision, null for a number that could not be computed.</summary>
public sealed class JsonWriterTests
{
    private static JsonElement Written(object value)
    {
        using var output = new StringWriter();
        JsonOutput.Write(output, value);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    [Fact]
    public void Write_NonFiniteNumbers_AreNullNotStrings()
    {
        var json = Written(new { nan = double.NaN, up = double.PositiveInfinity, down = (double?)double.NegativeInfinity });
        Assert.All(new[] { "nan", "up", "down" }, name => Assert.Equal(JsonValueKind.Null, json.GetProperty(name).ValueKind));
    }

    [Theory]
    [InlineData(1.5829347123456789e-09)]
    [InlineData(4.2e-13)]
    [InlineData(1e-300)]
    [InlineData(0.1 + 0.2)]
    public void Write_Number_RoundTripsExactly(double value)
    {
        Assert.Equal(value, Written(new { p_value = value }).GetProperty("p_value").GetDouble());
    }
}
