using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads <c>monitor.threshold: {from: control_stable, periods: N, k: K | quantile: Q}</c> (docs/monitor.md).</summary>
internal static class StableThresholdReader
{
    private static readonly string[] Fields = ["from", "periods", "k", "quantile"];

    /// <summary>The derived threshold of the monitor block <paramref name="monitor"/>; null with errors reported.</summary>
    public static ControlStableThreshold? Read(YamlFields monitor)
    {
        var f = monitor.Mapping("threshold", Fields);
        if (f is null)
        {
            return null;
        }

        var from = f.String("from", required: true);
        if (from is not null && from != "control_stable")
        {
            f.Error("from", $"the only derived threshold is control_stable (control's own stable-period windows), got \"{from}\"");
        }

        var periods = f.Integer("periods", required: true);
        if (periods is < 2 or > 1000)
        {
            f.Error("periods", $"must be a whole number of windows from 2 to 1000 (a standard deviation needs two), got {periods}");
        }

        var k = f.Number("k");
        var quantile = f.Number("quantile");
        if (k is null == quantile is null)
        {
            f.Error(k is null ? "k" : "quantile", "give exactly one of k (a multiple of control's window standard deviation) and quantile (of control's window values)");
        }

        if (k is not null and not (> 0 and <= 100))
        {
            f.Error("k", $"must be a number above 0 and at most 100, got {k}");
        }

        if (quantile is not null and not (> 0.5 and < 1))
        {
            f.Error("quantile", $"must lie strictly between 0.5 and 1 (an upper quantile of control's window values), got {quantile}");
        }

        return f.Context.HasErrors || periods is null ? null : new ControlStableThreshold((int)periods, k, quantile);
    }
}
