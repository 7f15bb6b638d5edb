using FsCheck;
using FsCheck.Xunit;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Tests;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0.5pp", 0.005, QuantityUnit.Proportion)]
    [InlineData("150ms", 150, QuantityUnit.Milliseconds)]
    [InlineData("0.15s", 150, QuantityUnit.Milliseconds)]
    [InlineData("5%", 0.05, QuantityUnit.Relative)]
    [InlineData("-2", -2, QuantityUnit.Number)]
    [InlineData(" 2.0 pp ", 0.02, QuantityUnit.Proportion)]
    public void TryParse_WrittenForms_Normalize(string text, double value, QuantityUnit unit)
    {
        Assert.True(Quantity.TryParse(text, out var quantity));
        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(value, quantity.Value, 12);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("")]
    [InlineData("pp")]
    [InlineData("1.5xs")]
    [InlineData("NaNms")]
    public void TryParse_NotAQuantity_ReturnsFalse(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
    }

    [Property]
    public void DurationText_FormatThenParse_RoundTrips(PositiveInt seconds)
    {
        var duration = TimeSpan.FromSeconds(seconds.Get);
        Assert.True(DurationText.TryParse(DurationText.Format(duration), out var parsed));
        Assert.Equal(duration, parsed);
    }

    [Theory]
    [InlineData("10m", 600)]
    [InlineData("7d", 604800)]
    [InlineData("1.5h", 5400)]
    public void DurationText_TryParse_Seconds(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("-1d")]
    [InlineData("soon")]
    public void DurationText_NotADuration_ReturnsFalse(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
