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

        var text = BriefPromotion.Promote(brief, "B", Receipt);

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("B raises resolution", root["hypothesis"].ToString());
        var arms = (YamlSequenceNode)root["arms"];
        Assert.Equal(2, arms.Children.Count);
        var treatment = (YamlMappingNode)arms[1];
        Assert.Equal("0.5", treatment["weight"].ToString());
        var receipt = (YamlMappingNode)treatment["receipt"];
        Assert.Equal("gpt-4o-mini", receipt["model"].ToString());
        Assert.Equal("b-v1@sha256:abc", receipt["prompt"].ToString());
        Assert.Equal("kb-2026-11-01", receipt["retrieval_index"].ToString());
        Assert.Equal("greedy", ((YamlMappingNode)receipt["decoder"])["selection"].ToString());
        Assert.Equal("400", ((YamlMappingNode)receipt["decoder"])["max_tokens"].ToString());
        var components = (YamlMappingNode)receipt["components"];
        Assert.Equal(("pii-v3", "42"), (components["guardrail"].ToString(), components["seed"].ToString()));
    }

    [Fact]
    public void Promote_NoBrief_CreatesTreatmentArm()
    {
        var text = BriefPromotion.Promote(null, "B", Receipt);

        Assert.Contains("name: treatment", text, StringComparison.Ordinal);
        Assert.Contains("prompt: b-v1@sha256:abc", text, StringComparison.Ordinal);
        Assert.Contains("weight: 0.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Variant_HashesThePrompt()
    {
        var a = ArenaReceipt.For(new VariantSpec { Name = "A", Model = "m", SystemPrompt = "Be helpful." });
        var b = ArenaReceipt.For(new VariantSpec { Name = "B", Model = "m", SystemPrompt = "Be helpful, cite the policy." });

        Assert.NotEqual(a.PromptHash, b.PromptHash);
        Assert.StartsWith("sha256:", a.PromptHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_BothArmsIntoTheRefundExampleBrief_LoadsWithTheBriefLoader()
    {
        using var directory = new ArenaDirectory();
        var brief = CopyRefundExample(directory);
        ArenaReceipt Pinned(Dictionary<string, string> components) => new("support-generator-v7", "refund-v2", "sha256:abc", 0, null, null,
            "refund-answer-v2", 42, "refund-policies-2026-05-01", components);
        var text = BriefPromotion.Promote(File.ReadAllText(brief), "A", Pinned([]), "control");
        File.WriteAllText(brief, BriefPromotion.Promote(text, "B", Pinned(new() { ["query_rewrite"] = "query-rewrite-v1" })));

        var loaded = Verdict.Experiments.BriefLoader.LoadFile(brief);

        // Both arms promoted from the arena differ only in the brief's declared change, so the brief stays valid.
        Assert.Empty(loaded.Errors);
        var treatment = loaded.Brief!.Arms.Single(a => a.Name == "treatment");
        Assert.Equal("refund-v2@sha256:abc", treatment.Receipt.Prompt);
        Assert.Equal("42", treatment.Receipt.Components["seed"]);

        // What the brief loads is exactly the arena's receipt in the brief's terms, down to the exposure hash.
        var promoted = Pinned(new() { ["query_rewrite"] = "query-rewrite-v1" }).ToBriefReceipt();
        Assert.Equal(promoted.Flatten(), treatment.Receipt.Flatten());
        Assert.Equal(Verdict.Experiments.ReceiptHash.Of(promoted), Verdict.Experiments.ReceiptHash.Of(treatment.Receipt));
    }

    [Fact]
    public void Promote_OnlyTheTreatment_BriefLoaderFlagsTheReceiptMismatch()
    {
        using var directory = new ArenaDirectory();
        var brief = CopyRefundExample(directory);
        File.WriteAllText(brief, BriefPromotion.Promote(File.ReadAllText(brief), "B", Receipt));

        var loaded = Verdict.Experiments.BriefLoader.LoadFile(brief);

        // The promoted receipt pins a model and prompt the control does not have: the brief refuses the comparison.
        Assert.Contains(loaded.Errors, e => e.ToString()!.Contains("receipt_must_match locks prompt", StringComparison.Ordinal));
    }

    private static string CopyRefundExample(ArenaDirectory directory)
    {
        foreach (var file in Directory.GetFiles(Repository.Path("examples", "refund-query-rewrite"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
        }

        return Path.Combine(directory.Path, "brief.yaml");
    }
}
