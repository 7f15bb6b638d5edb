using System.Globalization;
using System.Text;
using Verdict.Experiments.Validation;
using Verdict.Experiments.Yaml;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

/// <summary>Every YAML file is read within bounds: size, strict UTF-8, nesting depth and alias expansion.</summary>
public sealed class YamlInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-yaml-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Errors(BriefLoadResult result) => string.Join("\n", result.Errors);

    [Fact]
    public void Parse_AnchorReferencedThousandsOfTimes_IsRefusedWithoutExpanding()
    {
        var text = new StringBuilder("key: &big \"").Append('x', 500_000).Append("\"\nowner: [");
        text.AppendJoin(", ", Enumerable.Repeat("*big", 20));
        text.Append("]\n");
        var result = Example.Parse(text.ToString());
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("characters once its aliases are expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedAliasLaughs_AreRefused()
    {
        var text = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9)).Append("]\n");
        }

        var error = Assert.Single(Example.Parse(text.ToString()).Errors);
        Assert.Contains("aliases are expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyAliases_AreRefused()
    {
        var text = "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", YamlInput.MaxAliases + 1)) + "]\n";
        Assert.Contains("more than 1000 aliases", Errors(Example.Parse(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedTooDeep_IsRefused()
    {
        var text = "key: " + new string('[', 100) + new string(']', 100) + "\n";
        Assert.Contains("nested more than 64 levels deep", Errors(Example.Parse(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FewAliasesSharingAReceipt_StillLoad()
    {
        var text = Example.BriefText.Replace("    receipt:\n      model: support-generator-v7", "    receipt: &base\n      model: support-generator-v7", StringComparison.Ordinal);
        Assert.True(Example.Parse(text).IsValid);
        var again = Example.Parse(text + "\n# shared\nx_unused: *base\n");
        Assert.Contains("unknown field \"x_unused\"", Errors(again), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongScalarInAnError_IsCutShort()
    {
        var text = Example.BriefText.Replace("alpha: 0.05", "alpha: " + new string('y', 10_000), StringComparison.Ordinal);
        var errors = Errors(Example.Parse(text));
        Assert.Contains("characters in all)", errors, StringComparison.Ordinal);
        Assert.True(errors.Length < 2_000, errors.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void LoadFile_NotUtf8_IsRefusedNamingTheOffset()
    {
        var path = Path.Combine(folder, "brief.yaml");
        var bytes = Encoding.UTF8.GetBytes(Example.BriefText).ToList();
        bytes.InsertRange(30, [0xC3, 0x28]);
        File.WriteAllBytes(path, [.. bytes]);
        var error = Assert.Throws<InvalidDataException>(() => BriefLoader.LoadFile(path));
        Assert.Contains("not UTF-8 text (invalid byte at offset 30)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Directory_SaysItIsADirectory()
    {
        var error = Assert.Throws<InvalidDataException>(() => BriefLoader.LoadFile(folder));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_LargerThanTheBound_IsRefusedBeforeParsing()
    {
        var path = Path.Combine(folder, "brief.yaml");
        File.WriteAllText(path, Example.BriefText + "# " + new string('z', YamlInput.MaxBytes) + "\n");
        var error = Assert.Throws<InvalidDataException>(() => BriefLoader.LoadFile(path));
        Assert.Contains("larger than the 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }
}
