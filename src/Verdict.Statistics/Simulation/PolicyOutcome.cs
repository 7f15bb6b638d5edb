namespace Verdict.Statistics.Simulation;

/// <summary>How often one policy declared a win, with a 95% Clopper–Pearson interval for the rate.</summary>
public sealed record PolicyOutcome(PeekingPolicy Policy, int Wins, int Trials, double Rate, double CiLow, double CiHigh);
