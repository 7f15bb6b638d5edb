using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Paired;

namespace Verdict.Statistics.Interleaving;

/// <summary>
/// The preference between two rankers from interleaved queries (Chapelle et al. 2012, TOIS 30(1), §3): the share of
/// decisive queries that B won, p̂ = w_B/(w_A + w_B), with a Wilson interval and the exact two-sided binomial test of
/// p = ½ (scipy <c>binomtest</c>); and Chapelle's Δ_AB = (w_B + ½·ties)/queries − ½. With per-user tallies the share's
/// standard error is cluster-robust, SE² = Σᵤ (w_Bᵤ − p̂·dᵤ)² / (Σᵤ dᵤ)² (the sandwich of a ratio estimator; Cameron
/// and Miller 2015, eq. 11, without the small-sample factor), and the test is the Wald z of p̂ − ½.
/// </summary>
public static class InterleavingPreference
{
    /// <summary>Treats every query as independent.</summary>
    public static PreferenceResult Analyze(InterleavingTally tally, double alpha = 0.05)
    {
        Check(tally);
        Guard.Alpha(alpha);
        var delta = tally.Queries == 0 ? double.NaN : ((tally.WinsB + (0.5 * tally.Ties)) / tally.Queries) - 0.5;
        if (tally.Decisive == 0)
        {
            return new PreferenceResult(tally, double.NaN, double.NaN, double.NaN, double.NaN, 1, delta, false,
                [new Diagnostic(DiagnosticCode.EmptyArm, "no query had a winner (every query tied), so there is no preference")]);
        }

        var interval = WilsonInterval.For(tally.WinsB, tally.Decisive, alpha);
        var n = (int)Math.Min(tally.Decisive, int.MaxValue);
        var k = (int)tally.WinsB;
        // Two-sided exact p: double the smaller tail; P(X ≥ k) = P(X ≤ n − k) by symmetry of Binomial(n, ½).
        var p = Math.Min(1, 2 * Math.Min(Binomial.CDF(0.5, n, k), Binomial.CDF(0.5, n, n - k)));
        var share = (double)tally.WinsB / tally.Decisive;
        var se = Math.Sqrt(share * (1 - share) / tally.Decisive);
        return new PreferenceResult(tally, share, se, interval.CiLow, interval.CiHigh, p, delta, false, []);
    }

    /// <summary>Per-user tallies: the same share, with a cluster-robust standard error and a Wald test.</summary>
    public static PreferenceResult AnalyzeClustered(IReadOnlyList<InterleavingTally> users, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            Check(user);
        }

        return AnalyzeClustered(ClusteredInterleavingTally.From(users), alpha);
    }

    /// <summary>
    /// The clustered analysis from sufficient statistics: Σᵤ (w_Bᵤ − p̂dᵤ)² = Σw_B² − 2p̂·Σw_B·d + p̂²·Σd².
    /// </summary>
    public static PreferenceResult AnalyzeClustered(ClusteredInterleavingTally sums, double alpha = 0.05)
    {
        Check(sums.Total);
        Guard.Alpha(alpha);
        var total = sums.Total;
        if (total.Decisive == 0 || sums.Users < 2)
        {
            var plain = Analyze(total, alpha);
            return plain with
            {
                Diagnostics = [.. plain.Diagnostics, new Diagnostic(DiagnosticCode.TooFewUnits, "fewer than two users or no decisive query: no clustered standard error")],
            };
        }

        var share = (double)total.WinsB / total.Decisive;
        var squares = sums.SumWinsBSquared - (2 * share * sums.SumWinsBDecisive) + (share * share * sums.SumDecisiveSquared);
        var se = Math.Sqrt(Math.Max(squares, 0)) / total.Decisive;
        var estimate = Estimate.FromStatistic(share - 0.5, se, alpha);
        var delta = ((total.WinsB + (0.5 * total.Ties)) / total.Queries) - 0.5;
        var diagnostics = new List<Diagnostic>();
        if (sums.Users < 30)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.SmallSample, $"only {sums.Users} users: the clustered standard error is unreliable below about 30"));
        }

        return new PreferenceResult(total, share, se, estimate.CiLow + 0.5, estimate.CiHigh + 0.5, estimate.PValue, delta, true, diagnostics);
    }

    private static void Check(InterleavingTally tally)
    {
        if (tally.WinsA < 0 || tally.WinsB < 0 || tally.Ties < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tally), tally, "counts must not be negative");
        }
    }
}
