namespace Verdict.Arena.Analysis;

/// <summary>Does winning a duel track answer length? Counted over decisive duels with outputs of different length.</summary>
/// <param name="DecisiveDuels">Duels with a winner and outputs of different length.</param>
/// <param name="LongerWon">Duels the longer output won.</param>
/// <param name="ShareLongerWon">LongerWon / DecisiveDuels.</param>
/// <param name="PValue">Exact sign test of "longer wins as often as shorter".</param>
public sealed record LengthBias(int DecisiveDuels, int LongerWon, double ShareLongerWon, double PValue);
