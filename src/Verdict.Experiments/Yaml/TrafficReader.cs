using Verdict.Assignment.Targeting;
using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads <c>traffic</c>: exposure, stage, daily units, layer, holdout, salt and forced assignments.</summary>
internal static class TrafficReader
{
    public static readonly string[] Fields = ["exposure", "stage", "daily_units", "layer", "holdout", "salt", "forced"];

    public static TrafficPlan Read(YamlFields? f)
    {
        if (f is null)
        {
            return new TrafficPlan();
        }

        var exposure = f.Number("exposure");
        if (exposure is not null and not (>= 0 and <= 1))
        {
            f.Error("exposure", $"must lie in [0, 1], got {exposure}");
        }

        var daily = f.Number("daily_units");
        if (daily is not null and not > 0)
        {
            f.Error("daily_units", $"must be positive, got {daily}");
        }

        var layer = f.Mapping("layer", ["name", "from", "to"]);
        LayerShare? share = null;
        if (layer is not null)
        {
            var from = layer.Number("from") ?? 0;
            var to = layer.Number("to") ?? 1;
            if (!(from >= 0 && from < to && to <= 1))
            {
                layer.Error("to", $"the layer share must satisfy 0 ≤ from < to ≤ 1, got from {from}, to {to}");
            }

            share = new LayerShare(layer.String("name", required: true) ?? string.Empty, from, to);
        }

        var holdout = f.Mapping("holdout", ["name", "fraction"]);
        Holdout? held = null;
        if (holdout is not null)
        {
            var fraction = holdout.Number("fraction", required: true) ?? 0;
            if (!(fraction >= 0 && fraction < 1))
            {
                holdout.Error("fraction", $"must lie in [0, 1), got {fraction}");
            }

            held = new Holdout(holdout.String("name", required: true) ?? string.Empty, fraction);
        }

        var salt = f.String("salt");
        if (salt is { Length: 0 })
        {
            f.Error("salt", "must not be empty");
        }

        return new TrafficPlan
        {
            Exposure = exposure ?? 1,
            Stage = f.Choice("stage", Vocabulary.Stages) ?? RolloutStage.AB,
            DailyUnits = daily,
            Layer = share,
            Holdout = held,
            Salt = salt,
            Forced = f.TextMap("forced"),
        };
    }
}
