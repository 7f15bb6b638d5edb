namespace Verdict.Statistics.Sequential;

/// <summary>The Lan–DeMets error-spending families Verdict implements.</summary>
public enum SpendingFamily
{
    /// <summary>O'Brien–Fleming-type: α(t) = 2(1 − Φ(z_{1−α/2}/√t)) (Lan and DeMets 1983).</summary>
    ObrienFleming,

    /// <summary>Pocock-type: α(t) = α·ln(1 + (e − 1)t) (Lan and DeMets 1983).</summary>
    Pocock,

    /// <summary>Kim–DeMets power family: α(t) = α·t^ρ (Kim and DeMets 1987).</summary>
    Power,

    /// <summary>Hwang–Shih–DeCani: α(t) = α(1 − e^{−γt})/(1 − e^{−γ}), or α·t when γ = 0 (Hwang, Shih and DeCani 1990).</summary>
    HwangShihDeCani,
}
