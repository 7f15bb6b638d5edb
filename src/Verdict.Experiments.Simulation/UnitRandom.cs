namespace Verdict.Experiments.Simulation;

/// <summary>
/// A SplitMix64 generator (Steele, Lea and Flood, OOPSLA 2014; Vigna's reference <c>splitmix64.c</c>) seeded from
/// (simulation seed, unit number), so every unit's draws are independent of the order units are generated in. A struct
/// that allocates nothing: the simulator makes one per unit.
/// </summary>
internal struct UnitRandom
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private ulong state;

    public UnitRandom(int seed, long unit)
    {
        state = Mix(((ulong)(uint)seed << 32) ^ Mix((ulong)unit + 0x9E3779B97F4A7C15UL));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * TwoToMinus53;

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A standard normal draw (Box–Muller, cosine branch only, so each call consumes exactly two uniforms).</summary>
    public double NextNormal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
