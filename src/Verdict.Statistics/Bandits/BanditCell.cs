using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// The rewards of one arm in one period of a bandit, with the weight (propensity) the arm had in that period.
/// Periods are numbered from 0; arms by their declaration index.
/// </summary>
public readonly record struct BanditCell(int Period, int Arm, Moments Rewards, double Propensity);
