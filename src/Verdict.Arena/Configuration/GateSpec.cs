namespace Verdict.Arena.Configuration;

/// <summary>What the treatment must show before it may get traffic.</summary>
public sealed class GateSpec
{
    /// <summary>Judge–human agreement required before judge scores count (seed 001 uses 0.80). Default: none.</summary>
    public double? MinJudgeAgreement { get; init; }

    /// <summary>The rules; all must pass.</summary>
    public List<GateRuleSpec> Rules { get; init; } = [];
}
