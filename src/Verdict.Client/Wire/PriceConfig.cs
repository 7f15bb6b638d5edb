namespace Verdict.Client.Wire;

/// <summary>A model's price from the brief: USD per million input and per million output tokens.</summary>
public sealed record PriceConfig(double InputPerMillion, double OutputPerMillion);
