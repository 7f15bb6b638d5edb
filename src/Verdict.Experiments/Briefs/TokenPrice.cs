namespace Verdict.Experiments.Briefs;

/// <summary>What a model costs, in USD per million input and per million output tokens (the brief's <c>prices</c>).</summary>
public sealed record TokenPrice(double InputPerMillion, double OutputPerMillion);
