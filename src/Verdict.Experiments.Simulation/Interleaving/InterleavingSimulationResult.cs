namespace Verdict.Experiments.Simulation.Interleaving;

/// <summary>
/// How many queries each design needs to detect the rankers' difference at the options' alpha and power, and their
/// ratio (A/B ÷ interleaving, the sensitivity ratio) with a jackknife interval over blocks.
/// </summary>
/// <param name="Queries">Queries simulated.</param>
/// <param name="ClickThroughA">A/B: share of queries with a click under ranker A.</param>
/// <param name="ClickThroughB">A/B: the same under ranker B.</param>
/// <param name="QueriesAB">A/B on click-through: queries over both arms (per-query randomization).</param>
/// <param name="PreferenceShareB">Interleaving: B's share of decisive queries.</param>
/// <param name="TieShare">Interleaving: share of queries that tied (including no click).</param>
/// <param name="QueriesInterleaving">Interleaving (team draft, per-query score +1/−1/0): queries needed.</param>
/// <param name="SensitivityRatio">QueriesAB / QueriesInterleaving.</param>
/// <param name="RatioCiLow">Lower end of the 95% jackknife interval of the ratio (on the log scale).</param>
/// <param name="RatioCiHigh">Upper end.</param>
public sealed record InterleavingSimulationResult(
    long Queries,
    double ClickThroughA,
    double ClickThroughB,
    double QueriesAB,
    double PreferenceShareB,
    double TieShare,
    double QueriesInterleaving,
    double SensitivityRatio,
    double RatioCiLow,
    double RatioCiHigh);
