namespace Verdict.Reports.Text;

/// <summary>The fixed sentences a result carries about what it is not; every output (JSON, page, console) prints them from here.</summary>
public static class Caveats
{
    /// <summary>The sentence every interleaving verdict carries.</summary>
    public const string Interleaving = "Interleaving measures which ranking users prefer, not the business metric: confirm a SHIP with an A/B test on the primary metric before launch.";

    /// <summary>The sentence an interleaving duel without a brief (the demo, its page) carries: it names no launch decision.</summary>
    public const string InterleavingDuel = "Interleaving measures which ranking users prefer, not the business metric: confirm a winner with an A/B test on the decision metric.";

    /// <summary>The sentence every bandit result carries.</summary>
    public const string Bandit = "A bandit's result is not a fixed-horizon launch test: its weights followed the data, so read the period-stratified estimate, and confirm a launch with a fixed split.";
}
