using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>ATT(g, t): the effect in period t on the units first treated in period g, against never-treated units (Callaway and Sant'Anna 2021).</summary>
/// <param name="Cohort">g, the cohort's first treated period (the caller's period number).</param>
/// <param name="Period">t (the caller's period number).</param>
/// <param name="Units">Units in the cohort.</param>
/// <param name="Effect">The estimate with its influence-function interval.</param>
public sealed record GroupTimeEffect(int Cohort, int Period, int Units, Estimate Effect);
