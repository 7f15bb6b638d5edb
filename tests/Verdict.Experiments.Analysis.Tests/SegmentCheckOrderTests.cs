using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

/// <summary>The per-segment sample-ratio checks come out in one order whatever order the source's dictionaries keep.</summary>
public sealed class SegmentCheckOrderTests
{
    [Fact]
    public void Analyze_SegmentCountsInEitherInsertionOrder_GivesTheSameChecksInOrdinalOrder()
    {
        var brief = Example.Brief() with { SecondaryMetrics = [], Guardrails = [], Segments = [new Segment("device", "device", false), new Segment("plan", "plan", false)] };
        var mobile = new Dictionary<string, long> { ["control"] = 2_000, ["treatment"] = 8_000 };
        var desktop = new Dictionary<string, long> { ["control"] = 8_000, ["treatment"] = 2_000 };
        var pro = new Dictionary<string, long> { ["control"] = 5_000, ["treatment"] = 5_000 };

        List<string> Checks(bool reversed)
        {
            var builder = new SyntheticData(8).Arm("control", 10_000, 0.73).Arm("treatment", 10_000, 0.77);
            var device = reversed
                ? new Dictionary<string, IReadOnlyDictionary<string, long>> { ["mobile"] = mobile, ["desktop"] = desktop }
                : new Dictionary<string, IReadOnlyDictionary<string, long>> { ["desktop"] = desktop, ["mobile"] = mobile };
            var plan = new Dictionary<string, IReadOnlyDictionary<string, long>> { ["pro"] = pro };
            if (reversed)
            {
                builder.Segments["plan"] = plan;
                builder.Segments["device"] = device;
            }
            else
            {
                builder.Segments["device"] = device;
                builder.Segments["plan"] = plan;
            }

            return LaunchAnalyzer.Analyze(brief, builder.Build()).Checks.Where(c => c.Name.StartsWith("sample ratio by", StringComparison.Ordinal))
                .Select(c => $"{c.Name}: {string.Join(", ", Assert.IsType<SegmentSampleRatioEvidence>(c.Evidence).Mismatched.Select(m => $"{m.Value} (p {m.PValue:R})"))}").ToList();
        }

        var ordinal = Checks(reversed: false);
        Assert.Equal(ordinal, Checks(reversed: true));
        Assert.Equal(2, ordinal.Count);
        Assert.StartsWith("sample ratio by device: desktop (p ", ordinal[0], StringComparison.Ordinal);
        Assert.Contains("), mobile (p ", ordinal[0], StringComparison.Ordinal);
        Assert.StartsWith("sample ratio by plan:", ordinal[1], StringComparison.Ordinal);
    }
}
