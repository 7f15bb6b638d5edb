namespace Verdict.Statistics.OffPolicy;

/// <summary>
/// One logged decision of a bandit or a randomized split: what was known (context features), what was done (the
/// action and the logging policy's probability of it), what came of it (the reward), and the candidate policy's
/// probability of every action in the same context.
/// </summary>
/// <param name="Action">The action taken, 0-based.</param>
/// <param name="Propensity">The logging policy's probability of <paramref name="Action"/>; NaN when it was not logged.</param>
/// <param name="Reward">The observed reward.</param>
/// <param name="Context">Context features for the reward model (may be empty).</param>
/// <param name="TargetProbabilities">The candidate policy's probability of each action in this context.</param>
public sealed record LoggedDecision(int Action, double Propensity, double Reward, IReadOnlyList<double> Context, IReadOnlyList<double> TargetProbabilities);
