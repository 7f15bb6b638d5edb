using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using Verdict.Experiments.Yaml;
using Verdict.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Tests;

/// <summary>docs/brief.schema.json and docs/metrics.schema.json accept the examples and reject what the loader rejects.</summary>
public sealed class BriefSchemaTests
{
    internal static Task<JsonSchema> Schema(string name) =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", name));

    [Fact]
    public async Task BriefSchema_SeedExample_Validates()
    {
        var errors = (await Schema("brief.schema.json")).Validate(ToJson(Example.BriefText));
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task MetricsSchema_SeedExample_Validates()
    {
        var errors = (await Schema("metrics.schema.json")).Validate(ToJson(Example.MetricsText));
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("budget: 150ms", "budget: fast", "budget")]
    [InlineData("exposure: 1.0", "exposure: 1.5", "exposure")]
    [InlineData("alpha: 0.05", "alpah: 0.05", "alpah")]
    [InlineData("randomization: account", "randomization: customer", "randomization")]
    public async Task BriefSchema_LoaderRejects_SchemaRejectsToo(string from, string to, string property)
    {
        var text = Example.BriefText.Replace(from, to, StringComparison.Ordinal);
        Assert.False(Example.Parse(text).IsValid);
        var errors = (await Schema("brief.schema.json")).Validate(ToJson(text));
        Assert.Contains(errors, e => e.ToString().Contains(property, StringComparison.Ordinal) || e.Path?.Contains(property, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("threshold: 200ms", true)]
    [InlineData("threshold: {from: control_stable, periods: 8, k: 3}", true)]
    [InlineData("threshold: {from: control_stable, periods: 8, quantile: 0.95}", true)]
    [InlineData("threshold: {from: control_stable, periods: 8}", false)]
    [InlineData("threshold: {from: control_stable, periods: 1, k: 3}", false)]
    public async Task BriefSchema_MonitorThresholdForms_AgreeWithTheLoader(string threshold, bool valid)
    {
        var text = Example.BriefText.Replace("budget: 150ms", "budget: 150ms\n    monitor: {window: 6h, action: alert, " + threshold + "}", StringComparison.Ordinal);
        Assert.Equal(valid, Example.Parse(text).IsValid);
        Assert.Equal(valid, (await Schema("brief.schema.json")).Validate(ToJson(text)).Count == 0);
    }

    [Fact]
    public async Task BriefSchema_EveryReaderField_IsDeclared()
    {
        var schema = await Schema("brief.schema.json");
        Assert.Equal(BriefReader.RootFields.Order(StringComparer.Ordinal), schema.Properties.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>YAML 1.2 core schema → JSON: plain scalars become null, booleans and numbers; quoted ones stay text.</summary>
    internal static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: not ScalarStyle.Plain } q => JsonValue.Create(q.Value),
        YamlScalarNode p => p.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
            var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            var v => JsonValue.Create(v),
        },
        _ => null,
    };
}
