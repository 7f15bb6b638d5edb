using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Interleaving;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads the brief's optional <c>interleaving</c> block (docs/brief.md, "Interleaving").</summary>
internal static class InterleavingReader
{
    public static readonly string[] Fields = ["method", "impression_event", "click_event", "variance"];

    private static readonly Dictionary<string, InterleavingMethod> Methods = new(StringComparer.Ordinal)
    {
        ["team_draft"] = InterleavingMethod.TeamDraft,
        ["balanced"] = InterleavingMethod.Balanced,
    };

    private static readonly Dictionary<string, InterleavingVariance> Variances = new(StringComparer.Ordinal)
    {
        ["clustered"] = InterleavingVariance.Clustered,
        ["per_query"] = InterleavingVariance.PerQuery,
    };

    /// <summary>The block, or null when the brief has none or it has errors (reported on <paramref name="root"/>'s context).</summary>
    public static InterleavingDesign? Read(YamlFields root, IReadOnlyList<ArmDefinition> arms)
    {
        var f = root.Mapping("interleaving", Fields);
        if (f is null)
        {
            return null;
        }

        if (arms.Count != 2)
        {
            root.Error("interleaving", $"an interleaving experiment compares exactly two rankers (the control arm is team A, the other team B); the brief has {arms.Count} arms");
        }

        var method = f.Choice("method", Methods, required: true);
        var impression = f.String("impression_event") ?? InterleavingDesign.DefaultImpressionEvent;
        var click = f.String("click_event") ?? InterleavingDesign.DefaultClickEvent;
        if (impression == click)
        {
            f.Error("click_event", $"the click event must differ from the impression event (both are \"{click}\")");
        }

        var variance = f.Choice("variance", Variances) ?? InterleavingVariance.Clustered;
        return method is { } m ? new InterleavingDesign(m, impression, click, variance) : null;
    }
}
