using System.Globalization;
using Verdict.Experiments.Briefs;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Yaml;

/// <summary>
/// Writes a receipt into a brief's YAML as one arm's <c>receipt:</c>, editing the text in place with the YamlDotNet
/// representation model so other fields and their order survive (used by <c>verdict arena promote</c>). The arm is
/// found by name under <c>arms:</c> and created with weight 0.5 when missing.
/// </summary>
public static class BriefReceiptEditor
{
    /// <summary>Default arm name of the treatment.</summary>
    public const string TreatmentArm = "treatment";

    /// <summary>Returns <paramref name="briefYaml"/> (or a new brief when null or empty) with <paramref name="receipt"/> as arm <paramref name="arm"/>'s receipt.</summary>
    public static string WriteReceipt(string? briefYaml, Receipt receipt, string arm = TreatmentArm)
    {
        ArgumentNullException.ThrowIfNull(receipt);
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
            target = new YamlMappingNode { { "name", arm }, { "weight", "0.5" } };
            arms.Add(target);
        }

        target.Children[new YamlScalarNode("receipt")] = Node(receipt);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>
    /// The receipt as the brief spells it (docs/brief.schema.json): <c>model</c>, <c>prompt</c>, <c>retrieval_index</c>,
    /// <c>decoder</c> and <c>components</c>, in that order; unset fields are left out.
    /// </summary>
    public static YamlMappingNode Node(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var node = new YamlMappingNode();
        Optional(node, "model", receipt.Model);
        Optional(node, "prompt", receipt.Prompt);
        Optional(node, "retrieval_index", receipt.RetrievalIndex);
        if (receipt.Decoder is { } d)
        {
            var decoder = new YamlMappingNode();
            Optional(decoder, "selection", d.Selection);
            Optional(decoder, "temperature", d.Temperature?.ToString("R", CultureInfo.InvariantCulture));
            Optional(decoder, "top_p", d.TopP?.ToString("R", CultureInfo.InvariantCulture));
            Optional(decoder, "max_tokens", d.MaxTokens?.ToString(CultureInfo.InvariantCulture));
            Optional(decoder, "output_schema", d.OutputSchema);
            node.Add("decoder", decoder);
        }

        if (receipt.Components.Count > 0)
        {
            var components = new YamlMappingNode();
            foreach (var (key, value) in receipt.Components)
            {
                components.Add(key, value);
            }

            node.Add("components", components);
        }

        return node;
    }

    private static void Optional(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, value);
        }
    }
}
