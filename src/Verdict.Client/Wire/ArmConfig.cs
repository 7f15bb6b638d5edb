namespace Verdict.Client.Wire;

/// <summary>One arm in the config: name, weight, whether it is control, its receipt and the receipt's hash.</summary>
public sealed record ArmConfig
{
    /// <summary>The arm's name.</summary>
    public required string Name { get; init; }

    /// <summary>The arm's share of the enrolled traffic.</summary>
    public required double Weight { get; init; }

    /// <summary>True for the control arm.</summary>
    public bool Control { get; init; }

    /// <summary>The receipt's hash (docs/brief.md, "Receipts"); exposures carry it.</summary>
    public required string ReceiptHash { get; init; }

    /// <summary>What the arm pins.</summary>
    public required ReceiptConfig Receipt { get; init; }
}
