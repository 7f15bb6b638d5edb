using System.Globalization;
using System.Text.Json.Nodes;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Simulation;
using Verdict.Experiments.Simulation.LongTerm;

namespace Verdict.Cli.Commands.Demo;

/// <summary>
/// <c>verdict demo --scenario ope|did|holdout</c>: issue 16's methods on simulated data with a known truth. Each writes
/// its data into the demo directory and runs the product's own command on it (<c>verdict ope</c>, <c>verdict did</c>,
/// <c>verdict analyze --holdout</c>), then prints the truth beside the estimate.
/// </summary>
internal static class CounterfactualDemos
{
    private const int HoldoutWeeks = 13;

    /// <summary>The scenario names and what each should show.</summary>
    public static IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ope"] = "the doubly robust interval covers the candidate policy's true value",
        ["did"] = "the two-way fixed-effects interval covers the true rollout effect, leads flat",
        ["holdout"] = "treatment − holdout covers the true 13-week effect; control − holdout covers 0",
    };

    /// <summary>Runs scenario <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public static int Run(CliContext context, string name, string directory, int seed, bool json)
    {
        var say = json ? TextWriter.Null : context.Out;
        var (truth, files, arguments) = name.ToLowerInvariant() switch
        {
            "ope" => Ope(directory, seed),
            "did" => Did(directory, seed),
            _ => Holdout(context, directory, seed, json),
        };
        say.WriteLine($"Verdict demo \"{name}\": {Expected[name]}");
        say.WriteLine($"  truth    {truth}");
        say.WriteLine($"  running  verdict {string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}");
        say.WriteLine();
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var inner = new CliContext(json ? output : context.Out, context.Error, interactive: false);
        var code = CliApp.BuildRoot(inner).Parse(json ? [.. arguments, "--json"] : arguments).Invoke();
        if (json)
        {
            var document = new JsonObject
            {
                ["dir"] = directory,
                ["scenario"] = name.ToLowerInvariant(),
                ["expected"] = Expected[name],
                ["truth"] = truth,
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode?)JsonValue.Create(f))]),
                ["result"] = JsonNode.Parse(output.ToString()),
            };
            JsonOutput.Write(context.Out, document);
        }

        return code;
    }

    private static (string Truth, string[] Files, string[] Arguments) Ope(string directory, int seed)
    {
        var data = Path.Combine(directory, "decisions.ndjson");
        var page = Path.Combine(directory, "ope.html");
        Simulate(["simulate", "logged-bandit", "--decisions", "5000", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", data]);
        var truth = string.Create(CultureInfo.InvariantCulture,
            $"logged policy {LoggedBanditSimulation.TrueValue(LoggedBanditSimulation.Logging):F4}, candidate {LoggedBanditSimulation.TrueValue(LoggedBanditSimulation.Candidate):F4}");
        return (truth, [data, page], ["ope", data, "--bootstrap", "200", "--html", page]);
    }

    private static (string Truth, string[] Files, string[] Arguments) Did(string directory, int seed)
    {
        var data = Path.Combine(directory, "panel.csv");
        var page = Path.Combine(directory, "did.html");
        Simulate(["simulate", "rollout", "--effect", "0.03", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", data]);
        return ("the rollout adds 0.03 to the weekly resolution rate of 4 of 12 regions from week 6", [data, page],
            ["did", data, "--outcome", "resolution_rate", "--cluster", "region", "--html", page]);
    }

    private static (string Truth, string[] Files, string[] Arguments) Holdout(CliContext context, string directory, int seed, bool json)
    {
        // Seed 000's brief, launched: a 20 % long-term holdout and a 13-week count of solved conversations.
        var briefPath = DemoFiles.Write(directory, null);
        File.WriteAllText(briefPath, File.ReadAllText(briefPath)
            .Replace("  daily_units: 1500\n", "  daily_units: 1500\n  holdout: {name: long-term, fraction: 0.2}\n", StringComparison.Ordinal)
            .Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", "secondary_metrics: [solves_13w]", StringComparison.Ordinal));
        var metricsPath = Path.Combine(directory, "metrics.yaml");
        File.AppendAllText(metricsPath, "  solves_13w:\n    description: Solved conversations per customer in the 13 weeks after exposure\n    type: count\n    event: conversation_solved\n    within: 91d\n");
        var brief = BriefInput.Load(briefPath).Brief!;
        BriefLockFile.Write(BriefLockFile.PathFor(briefPath), BriefCanonicalForm.Lock(brief));
        var storePath = Path.Combine(directory, "verdict.duckdb");
        File.Delete(storePath);
        File.Delete(storePath + ".wal");
        using (var store = StoreOptions.Open(storePath))
        {
            using var loader = store.BeginLoad();
            var (held, exposed) = HoldoutSimulation.Run(brief, loader, 8000, HoldoutWeeks, seed, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
            loader.Commit();
            (json ? TextWriter.Null : context.Out).WriteLine(string.Create(CultureInfo.InvariantCulture, $"  traffic  {held:N0} held-out and {exposed:N0} exposed customers over {HoldoutWeeks} weeks → {storePath}"));
        }

        var truth = string.Create(CultureInfo.InvariantCulture,
            $"treatment adds {HoldoutSimulation.TotalEffect(HoldoutWeeks, 0.06, 0.02, 2):F4} solved conversations per customer over 13 weeks (+0.06 a week at launch, halving every 2 weeks to +0.02); control and holdout are the same experience");
        return (truth, [briefPath, metricsPath, storePath], ["analyze", briefPath, "--store", storePath, "--holdout"]);
    }

    private static void Simulate(string[] arguments)
    {
        var inner = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false);
        if (CliApp.BuildRoot(inner).Parse(arguments).Invoke() != ExitCodes.Success)
        {
            throw new InvalidOperationException($"the demo's simulation failed: verdict {string.Join(' ', arguments)}");
        }
    }
}
