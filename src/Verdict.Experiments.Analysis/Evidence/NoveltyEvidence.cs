using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The pooled effect of the first third of the enrollment days against the rest, and the difference's p-value.</summary>
public sealed record NoveltyEvidence(int EarlyDays, double Early, int LateDays, double Late, double PValue, bool Novelty, MetricUnit Unit) : StepEvidence;
