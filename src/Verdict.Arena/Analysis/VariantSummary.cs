namespace Verdict.Arena.Analysis;

/// <summary>One variant across the golden set.</summary>
/// <param name="Name">Variant name.</param>
/// <param name="Receipt">What the variant pins, as a brief's arm receipt.</param>
/// <param name="Metrics">Mean and interval per metric.</param>
/// <param name="Checks">Pass counts per deterministic check.</param>
/// <param name="Errors">Cases with an error (generation, judge or embedding).</param>
/// <param name="Spend">Money spent on its generations.</param>
/// <param name="MeanLatencyMs">Mean generation latency as recorded.</param>
/// <param name="OutputTokens">Total output tokens.</param>
/// <param name="DecodingUsed">Distinct (model, temperature, seed) actually requested and reported.</param>
public sealed record VariantSummary(
    string Name,
    Verdict.Experiments.Briefs.Receipt Receipt,
    IReadOnlyList<MetricSummary> Metrics,
    IReadOnlyList<CheckSummary> Checks,
    int Errors,
    double Spend,
    double MeanLatencyMs,
    long OutputTokens,
    IReadOnlyList<string> DecodingUsed);
