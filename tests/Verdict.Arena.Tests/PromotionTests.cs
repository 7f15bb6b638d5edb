using YamlDotNet.RepresentationModel;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class PromotionTests
{
    private static readonly ArenaReceipt Receipt = new("gpt-4o-mini", "b-v1", "sha256:abc", 0, 1, 400, null, 42, "kb-2026-11-01",
        new Dictionary<string, string> { ["guardrail"] = "pii-v3" });

    [Fact]
    public void Promote_ExistingBrief_ReplacesTreatmentReceiptAndKeepsTheRest()
    {
        const string brief = "name: support-prompt\nhypothesis: B raises resolution\narms:\n  - name: control\n    weight: 0.5\n  - name: treatment\n    weight: 0.5\n    receipt: {model_id: old}\n";

        var text = BriefPromotion.Promote(brief, "arena", "B", Receipt);

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("B raises resolution", root["hypothesis"].ToString());
        var arms = (YamlSequenceNode)root["arms"];
        Assert.Equal(2, arms.Children.Count);
        var treatment = (YamlMappingNode)arms[1];
        Assert.Equal("0.5", treatment["weight"].ToString());
        var receipt = (YamlMappingNode)treatment["receipt"];
        Assert.Equal("gpt-4o-mini", receipt["model_id"].ToString());
        Assert.Equal("42", receipt["seed"].ToString());
        Assert.Equal("kb-2026-11-01", receipt["index_snapshot"].ToString());
        Assert.Equal("pii-v3", ((YamlMappingNode)receipt["pinned_components"])["guardrail"].ToString());
        Assert.Equal("B", ((YamlMappingNode)treatment["promoted_from"])["variant"].ToString());
    }

    [Fact]
    public void Promote_NoBrief_CreatesTreatmentArm()
    {
        var text = BriefPromotion.Promote(null, "arena", "B", Receipt);

        Assert.Contains("name: treatment", text, StringComparison.Ordinal);
        Assert.Contains("prompt_hash: sha256:abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Variant_HashesThePrompt()
    {
        var a = ArenaReceipt.For(new VariantSpec { Name = "A", Model = "m", SystemPrompt = "Be helpful." });
        var b = ArenaReceipt.For(new VariantSpec { Name = "B", Model = "m", SystemPrompt = "Be helpful, cite the policy." });

        Assert.NotEqual(a.PromptHash, b.PromptHash);
        Assert.StartsWith("sha256:", a.PromptHash, StringComparison.Ordinal);
    }
}
