using YamlDotNet.Serialization;

namespace Verdict.Arena.Configuration;

/// <summary>arena.yaml: the golden set, the variants, the evaluators, the statistics and the gate.</summary>
public sealed class ArenaSpec
{
    /// <summary>Name of the arena.</summary>
    public string Name { get; init; } = "arena";

    /// <summary>Golden set (JSONL or CSV), relative to arena.yaml.</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Control variant. Default: the first.</summary>
    public string? Control { get; init; }

    /// <summary>Treatment variant the gate judges. Default: the second.</summary>
    public string? Treatment { get; init; }

    /// <summary>The variants, at least two.</summary>
    public List<VariantSpec> Variants { get; init; } = [];

    /// <summary>The judge, required by rubric and pairwise evaluators.</summary>
    public JudgeSpec? Judge { get; init; }

    /// <summary>The evaluators.</summary>
    public List<EvaluatorSpec> Evaluators { get; init; } = [];

    /// <summary>Statistics settings.</summary>
    public StatisticsSpec Statistics { get; init; } = new();

    /// <summary>Execution settings.</summary>
    public ExecutionSpec Execution { get; init; } = new();

    /// <summary>The gate.</summary>
    public GateSpec Gate { get; init; } = new();

    /// <summary>Directory of arena.yaml; relative paths resolve against it.</summary>
    [YamlIgnore]
    public string BaseDirectory { get; internal set; } = ".";

    /// <summary>The control variant's name.</summary>
    [YamlIgnore]
    public string ControlName => Control ?? Variants[0].Name;

    /// <summary>The treatment variant's name.</summary>
    [YamlIgnore]
    public string TreatmentName => Treatment ?? Variants[1].Name;

    /// <summary>Resolves a path relative to arena.yaml.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The variant with <paramref name="name"/>.</summary>
    public VariantSpec Variant(string name) =>
        Variants.FirstOrDefault(v => v.Name == name) ?? throw new ArgumentException($"no variant named \"{name}\" (have {string.Join(", ", Variants.Select(v => v.Name))})", nameof(name));
}
