namespace Verdict.Experiments.Planning;

/// <summary>One planned look of a group sequential design: information fraction, efficacy z boundary, alpha spent so far.</summary>
public sealed record SequentialLook(double InformationFraction, double EfficacyZ, double CumulativeAlpha);
