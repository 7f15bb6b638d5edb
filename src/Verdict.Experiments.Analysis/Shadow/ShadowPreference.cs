using Verdict.Statistics.Paired;

namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>
/// The pairwise judge's preference over the shadow pairs, each judged in both orders (disagreement is a tie): counts,
/// the treatment's win share (ties as half) with a Wilson interval, and the exact sign test of wins against losses.
/// </summary>
/// <param name="Judged">Pairs judged in both orders.</param>
/// <param name="TreatmentWins">Pairs the treatment won in both orders.</param>
/// <param name="ControlWins">Pairs control won in both orders.</param>
/// <param name="Ties">Ties, position-inconsistent pairs included.</param>
/// <param name="PositionInconsistent">Pairs whose two orders disagreed.</param>
/// <param name="Failed">Pairs the judge gave no usable verdict on.</param>
/// <param name="WinShare">The treatment's win share, ties counted as half.</param>
/// <param name="SignTest">Wins against losses, ties left out.</param>
public sealed record ShadowPreference(long Judged, int TreatmentWins, int ControlWins, int Ties, int PositionInconsistent, int Failed, ProportionInterval WinShare, SignTestResult SignTest)
{
    /// <summary>The preference from the combined outcomes of every judged pair.</summary>
    public static ShadowPreference From(int treatmentWins, int controlWins, int ties, int positionInconsistent, int failed, double alpha)
    {
        var judged = treatmentWins + controlWins + ties;
        var share = WilsonInterval.For(treatmentWins + (0.5 * ties), judged, alpha);
        var signs = Enumerable.Repeat(1.0, treatmentWins).Concat(Enumerable.Repeat(-1.0, controlWins)).Concat(Enumerable.Repeat(0.0, ties)).ToList();
        return new ShadowPreference(judged, treatmentWins, controlWins, ties, positionInconsistent, failed, share, Verdict.Statistics.Paired.SignTest.Test(signs));
    }
}
