namespace Verdict.Statistics.Did;

/// <summary>The four means of the two-group, two-period comparison (observations, not units, are averaged).</summary>
/// <param name="ControlPre">Never-treated units before adoption.</param>
/// <param name="ControlPost">Never-treated units from adoption on.</param>
/// <param name="TreatedPre">Treated units before adoption.</param>
/// <param name="TreatedPost">Treated units from adoption on.</param>
public sealed record DidCells(double ControlPre, double ControlPost, double TreatedPre, double TreatedPost);
