namespace Verdict.Experiments.Simulation;

/// <summary>
/// A seeded weekly panel of a change rolled out to some regions at a known week (docs/quasi-experiments.md, "Demo"):
/// each customer's weekly resolution rate is a customer effect + a common weekly trend + the true effect from adoption
/// on in treated regions (+ an optional pre-trend that breaks parallel trends) + noise.
/// </summary>
public static class RolloutSimulation
{
    /// <summary>Regions; the first <c>treatedRegions</c> get the change.</summary>
    public static IReadOnlyList<string> Regions { get; } = ["eu-west", "eu-north", "uk", "us-east", "us-west", "apac", "latam", "ca", "mena", "africa", "anz", "india"];

    /// <summary>Draws the panel: one row per customer and week.</summary>
    public static IEnumerable<(string Unit, int Week, string Region, bool Treated, double Outcome)> Run(
        int units, int weeks, int adoptionWeek, double effect, double preTrend, int treatedRegions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(adoptionWeek, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(adoptionWeek, weeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(treatedRegions);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(treatedRegions, Regions.Count);
        var random = new Random(seed);
        var trend = Enumerable.Range(0, weeks).Select(w => 0.005 * w + (0.01 * Normal(random))).ToArray();
        for (var u = 0; u < units; u++)
        {
            var region = random.Next(Regions.Count);
            var inTreatedRegion = region < treatedRegions;
            var level = 0.40 + (0.05 * Normal(random));
            for (var week = 0; week < weeks; week++)
            {
                var treated = inTreatedRegion && week >= adoptionWeek;
                var drift = inTreatedRegion ? preTrend * (week - adoptionWeek) : 0;
                var outcome = level + trend[week] + (treated ? effect : 0) + drift + (0.08 * Normal(random));
                yield return ($"customer-{u + 1:D5}", week + 1, Regions[region], treated, Math.Round(outcome, 6));
            }
        }
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
