namespace Verdict.Arena.Analysis;

/// <summary>The duel between treatment and control over the golden set.</summary>
/// <param name="Wins">Cases the treatment won in both orders.</param>
/// <param name="Losses">Cases the control won in both orders.</param>
/// <param name="Ties">Ties, including position-inconsistent cases.</param>
/// <param name="PositionInconsistent">Cases where the two orders disagreed.</param>
/// <param name="Errors">Cases without a judgement.</param>
/// <param name="WinRate">(wins + ties/2) / judged cases.</param>
/// <param name="CiLow">Lower end of the Wilson interval.</param>
/// <param name="CiHigh">Upper end of the Wilson interval.</param>
/// <param name="PositionInconsistencyRate">Share of judged cases where the orders disagreed.</param>
public sealed record PairwiseSummary(
    int Wins,
    int Losses,
    int Ties,
    int PositionInconsistent,
    int Errors,
    double WinRate,
    double CiLow,
    double CiHigh,
    double PositionInconsistencyRate);
