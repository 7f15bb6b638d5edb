using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Verdict.Arena;

/// <summary>
/// Writes a winning variant's receipt into a brief as the treatment arm, editing the brief's YAML in place with the
/// YamlDotNet representation model so other fields and their order survive. The arm is found by name under
/// <c>arms:</c> (created when missing); its <c>receipt:</c> is replaced and <c>promoted_from:</c> records the arena.
/// </summary>
public static class BriefPromotion
{
    /// <summary>Default arm name of the treatment.</summary>
    public const string TreatmentArm = "treatment";

    /// <summary>Returns the brief text with <paramref name="receipt"/> as arm <paramref name="arm"/>'s receipt.</summary>
    public static string Promote(string? briefYaml, string arenaName, string variant, ArenaReceipt receipt, string arm = TreatmentArm)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentException.ThrowIfNullOrEmpty(variant);
        ArgumentException.ThrowIfNullOrEmpty(arm);
        var stream = new YamlStream();
        if (!string.IsNullOrWhiteSpace(briefYaml))
        {
            stream.Load(new StringReader(briefYaml));
        }

        if (stream.Documents.Count == 0)
        {
            stream.Documents.Add(new YamlDocument(new YamlMappingNode()));
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException("the brief's top level must be a mapping");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("arms"), out var armsNode))
        {
            armsNode = new YamlSequenceNode();
            root.Add("arms", armsNode);
        }

        if (armsNode is not YamlSequenceNode arms)
        {
            throw new InvalidDataException("the brief's arms must be a list");
        }

        var target = arms.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(a => a.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: var v } && v == arm);
        if (target is null)
        {
            target = new YamlMappingNode { { "name", arm } };
            arms.Add(target);
        }

        Set(target, "receipt", Receipt(receipt));
        Set(target, "promoted_from", new YamlMappingNode { { "arena", arenaName }, { "variant", variant } });
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>The receipt as a YAML mapping with snake_case keys.</summary>
    public static YamlMappingNode Receipt(ArenaReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var node = new YamlMappingNode
        {
            { "model_id", receipt.ModelId },
            { "prompt_version", receipt.PromptVersion ?? "" },
            { "prompt_hash", receipt.PromptHash },
            { "temperature", receipt.Temperature.ToString("R", CultureInfo.InvariantCulture) },
        };
        Optional(node, "top_p", receipt.TopP?.ToString("R", CultureInfo.InvariantCulture));
        Optional(node, "max_tokens", receipt.MaxTokens?.ToString(CultureInfo.InvariantCulture));
        Optional(node, "output_schema", receipt.OutputSchema);
        Optional(node, "seed", receipt.Seed?.ToString(CultureInfo.InvariantCulture));
        Optional(node, "index_snapshot", receipt.IndexSnapshot);
        var pinned = new YamlMappingNode();
        foreach (var (key, value) in receipt.PinnedComponents)
        {
            pinned.Add(key, value);
        }

        node.Add("pinned_components", pinned);
        return node;
    }

    private static void Optional(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, value);
        }
    }

    private static void Set(YamlMappingNode node, string key, YamlNode value) => node.Children[new YamlScalarNode(key)] = value;
}
