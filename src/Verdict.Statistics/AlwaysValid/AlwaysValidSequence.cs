namespace Verdict.Statistics.AlwaysValid;

/// <summary>
/// The running always-valid inference over looks: the p-value is the running minimum of the per-look p-values and
/// the interval the running intersection of the per-look intervals (Johari et al. 2022, §3; Howard et al. 2021).
/// Both stay valid under continuous monitoring. Immutable: <see cref="Observe"/> returns the next state.
/// </summary>
/// <param name="Looks">How many looks were observed.</param>
/// <param name="PValue">Running minimum p-value (1 before any look).</param>
/// <param name="CiLow">Running maximum of the lower ends.</param>
/// <param name="CiHigh">Running minimum of the upper ends.</param>
public sealed record AlwaysValidSequence(int Looks, double PValue, double CiLow, double CiHigh)
{
    /// <summary>The state before the first look.</summary>
    public static AlwaysValidSequence Start { get; } = new(0, 1, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Folds in one look; looks without numbers count but change nothing.</summary>
    public AlwaysValidSequence Observe(AlwaysValidResult look)
    {
        return look.IsAvailable
            ? new AlwaysValidSequence(Looks + 1, Math.Min(PValue, look.PValue), Math.Max(CiLow, look.CiLow), Math.Min(CiHigh, look.CiHigh))
            : this with { Looks = Looks + 1 };
    }

    /// <summary>True when the null value 0 has been rejected at level <paramref name="alpha"/>.</summary>
    public bool Rejects(double alpha) => PValue <= alpha;
}
