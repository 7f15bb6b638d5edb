using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Interleaving;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Interleaving;

/// <summary>Pins the preference share, its Wilson interval, the binomial test and the clustered error to scipy/statsmodels.</summary>
public sealed class InterleavingPreferenceTests
{
    public static TheoryData<int> PreferenceCases => new(Enumerable.Range(0, PreferenceReference.Value.Preference.Count));

    public static TheoryData<int> ClusteredCases => new(Enumerable.Range(0, PreferenceReference.Value.Clustered.Count));

    [Theory]
    [MemberData(nameof(PreferenceCases))]
    public void Analyze_MatchesScipyBinomtestAndStatsmodelsWilson(int index)
    {
        var c = PreferenceReference.Value.Preference[index];
        var tally = new InterleavingTally(c.WinsA, c.WinsB, c.Ties);
        var result = InterleavingPreference.Analyze(tally);
        Close.Equal(c.ShareB, result.ShareB, 1e-12, "share");
        Close.Equal(c.CiLow, result.CiLow, 1e-10, "ci_low");
        Close.Equal(c.CiHigh, result.CiHigh, 1e-10, "ci_high");
        // Tolerance 1e-10 relative: both sides sum exact binomial tails in double precision.
        Close.Equal(c.PValue, result.PValue, 1e-10, "p_value", 1e-15);
        Close.Equal(c.DeltaAB, result.DeltaAB, 1e-12, "delta_ab");
    }

    [Theory]
    [MemberData(nameof(ClusteredCases))]
    public void AnalyzeClustered_MatchesStatsmodelsClusterRobustOls(int index)
    {
        var c = PreferenceReference.Value.Clustered[index];
        var users = c.Users
            .Select(u => new InterleavingTally(u.WinsA, u.WinsB, 0))
            .ToList();
        var result = InterleavingPreference.AnalyzeClustered(users);
        Assert.True(result.Clustered);
        Close.Equal(c.ShareB, result.ShareB, 1e-12, "share");
        Close.Equal(c.Se, result.StandardError, 1e-9, "se");
        Close.Equal(c.CiLow, result.CiLow, 1e-9, "ci_low");
        Close.Equal(c.CiHigh, result.CiHigh, 1e-9, "ci_high");
        Close.Equal(c.PValue, result.PValue, 1e-8, "p_value", 1e-14);
    }

    [Fact]
    public void Analyze_AllTies_NoPreferenceWithDiagnostic()
    {
        var result = InterleavingPreference.Analyze(new InterleavingTally(0, 0, 12));
        Assert.True(double.IsNaN(result.ShareB));
        Assert.Equal(0, result.DeltaAB);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.EmptyArm);
    }

    [Fact]
    public void Analyze_SwappingRankers_MirrorsShare()
    {
        var ab = InterleavingPreference.Analyze(new InterleavingTally(30, 45, 10));
        var ba = InterleavingPreference.Analyze(new InterleavingTally(45, 30, 10));
        Assert.Equal(1 - ab.ShareB, ba.ShareB, 12);
        Assert.Equal(ab.PValue, ba.PValue, 12);
        Assert.Equal(-ab.DeltaAB, ba.DeltaAB, 12);
    }

    [Fact]
    public void Outcome_MoreClicksForB_IsB()
    {
        Assert.Equal(QueryOutcome.B, InterleavingTally.Outcome(1, 2));
        Assert.Equal(QueryOutcome.A, InterleavingTally.Outcome(2, 1));
        Assert.Equal(QueryOutcome.Tie, InterleavingTally.Outcome(0, 0));
    }
}
