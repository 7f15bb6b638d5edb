namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The overall sample-ratio test: randomized units (or clusters) per arm, the planned weights, χ² and its p-value against the brief's threshold.</summary>
public sealed record SampleRatioEvidence(IReadOnlyList<(string Arm, long Units)> Arms, bool Clusters, IReadOnlyList<double> Weights, double ChiSquare, double PValue, double Threshold) : StepEvidence;
