using Verdict.Reports.Text;

namespace Verdict.Reports.Tests.Text;

public sealed class MetricFormatTests
{
    [Theory]
    [InlineData(0.05, "95%")]
    [InlineData(0.025, "97.5%")]
    [InlineData(0.05 / 3, "98.3333%")]
    [InlineData(0.001, "99.9%")]
    public void Confidence_Alpha_PrintsTheLevelTheTestUses(double alpha, string expected) =>
        Assert.Equal(expected, MetricFormat.Confidence(alpha));

    [Theory]
    [InlineData(0.0123, "0.0123")]
    [InlineData(3.2e-7, "3.2e-7")]
    [InlineData(1e-300, "< 1e-16")]
    public void PValue_Magnitudes_UseTheirFormat(double p, string expected) =>
        Assert.Equal(expected, MetricFormat.PValue(p));
}
