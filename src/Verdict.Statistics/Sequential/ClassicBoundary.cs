namespace Verdict.Statistics.Sequential;

/// <summary>
/// Fixed-shape boundaries of the Wang–Tsiatis family c·t_k^{Δ−1/2} whose constant c is solved so the total error is
/// α; defined only at the looks registered with the plan.
/// </summary>
public enum ClassicBoundary
{
    /// <summary>O'Brien and Fleming (1979): Δ = 0, boundaries c/√t_k.</summary>
    ObrienFleming,

    /// <summary>Pocock (1977): Δ = 1/2, one constant boundary.</summary>
    Pocock,
}
