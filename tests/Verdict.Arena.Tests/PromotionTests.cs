using Verdict.Arena.Configuration;
using Verdict.Arena.Receipts;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Yaml;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Verdict.Arena.Tests;

/// <summary>A variant's receipt is the brief's receipt, and <c>arena promote</c> writes it into a brief's YAML.</summary>
public sealed class PromotionTests
{
    private static readonly VariantSpec B = new()
    {
        Name = "B", Model = "gpt-4o-mini", PromptVersion = "b-v1", SystemPrompt = "Be helpful, cite the policy.", Temperature = 0, TopP = 1,
        MaxTokens = 400, Seed = 42, IndexSnapshot = "kb-2026-11-01", Pinned = new() { ["guardrail"] = "pii-v3" },
    };

    [Fact]
    public void WriteReceipt_ExistingBrief_ReplacesTreatmentReceiptAndKeepsTheRest()
    {
        const string brief = "name: support-prompt\nhypothesis: B raises resolution\narms:\n  - name: control\n    weight: 0.5\n  - name: treatment\n    weight: 0.5\n    receipt: {model_id: old}\n";

        var text = BriefReceiptEditor.WriteReceipt(brief, VariantReceipt.For(B));

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
        Assert.Equal("b-v1@" + VariantReceipt.PromptHash(B), receipt["prompt"].ToString());
        Assert.Equal("kb-2026-11-01", receipt["retrieval_index"].ToString());
        Assert.Equal("greedy", ((YamlMappingNode)receipt["decoder"])["selection"].ToString());
        Assert.Equal("400", ((YamlMappingNode)receipt["decoder"])["max_tokens"].ToString());
        var components = (YamlMappingNode)receipt["components"];
        Assert.Equal(("pii-v3", "42"), (components["guardrail"].ToString(), components["seed"].ToString()));
    }

    [Fact]
    public void WriteReceipt_NoBrief_CreatesTreatmentArm()
    {
        var text = BriefReceiptEditor.WriteReceipt(null, VariantReceipt.For(B));

        Assert.Contains("name: treatment", text, StringComparison.Ordinal);
        Assert.Contains("prompt: b-v1@sha256:", text, StringComparison.Ordinal);
        Assert.Contains("weight: 0.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Variant_HashesThePrompt()
    {
        var a = VariantReceipt.For(new VariantSpec { Name = "A", Model = "m", SystemPrompt = "Be helpful." });
        var b = VariantReceipt.For(new VariantSpec { Name = "B", Model = "m", SystemPrompt = "Be helpful, cite the policy." });

        Assert.NotEqual(a.Prompt, b.Prompt);
        Assert.Matches("^sha256:[0-9a-f]{64}$", a.Prompt);
        Assert.Equal(["prompt"], a.Differences(b));
    }

    [Fact]
    public void For_SampledVariantWithoutSeed_DecoderSamplesAndNoSeedComponent()
    {
        var receipt = VariantReceipt.For(new VariantSpec { Name = "A", Model = "m", Temperature = 0.7, Seed = null });

        Assert.Equal("sample", receipt.Decoder!.Selection);
        Assert.Equal(0.7, receipt.Decoder.Temperature);
        Assert.Empty(receipt.Components);
    }

    [Fact]
    public void WriteReceipt_BothArmsIntoTheRefundExampleBrief_LoadsWithTheBriefLoader()
    {
        using var directory = new ArenaDirectory();
        var brief = CopyRefundExample(directory);
        VariantSpec Pinned(Dictionary<string, string> components) => new()
        {
            Name = "X", Model = "support-generator-v7", PromptVersion = "refund-v2", SystemPrompt = "Answer from the refund policy.", TopP = null,
            OutputSchema = "refund-answer-v2", Seed = 42, IndexSnapshot = "refund-policies-2026-05-01", Pinned = components,
        };
        var text = BriefReceiptEditor.WriteReceipt(File.ReadAllText(brief), VariantReceipt.For(Pinned([])), "control");
        File.WriteAllText(brief, BriefReceiptEditor.WriteReceipt(text, VariantReceipt.For(Pinned(new() { ["query_rewrite"] = "query-rewrite-v1" }))));

        var loaded = BriefLoader.LoadFile(brief);

        // Both arms promoted from the arena differ only in the brief's declared change, so the brief stays valid.
        Assert.Empty(loaded.Errors);
        var treatment = loaded.Brief!.Arms.Single(a => a.Name == "treatment");
        Assert.StartsWith("refund-v2@sha256:", treatment.Receipt.Prompt, StringComparison.Ordinal);
        Assert.Equal("42", treatment.Receipt.Components["seed"]);

        // What the brief loads is exactly the arena's receipt, down to the exposure hash.
        var promoted = VariantReceipt.For(Pinned(new() { ["query_rewrite"] = "query-rewrite-v1" }));
        Assert.Equal(promoted.Flatten(), treatment.Receipt.Flatten());
        Assert.Equal(ReceiptHash.Of(promoted), ReceiptHash.Of(treatment.Receipt));
    }

    [Fact]
    public void WriteReceipt_OnlyTheTreatment_BriefLoaderFlagsTheReceiptMismatch()
    {
        using var directory = new ArenaDirectory();
        var brief = CopyRefundExample(directory);
        File.WriteAllText(brief, BriefReceiptEditor.WriteReceipt(File.ReadAllText(brief), VariantReceipt.For(B)));

        var loaded = BriefLoader.LoadFile(brief);

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
