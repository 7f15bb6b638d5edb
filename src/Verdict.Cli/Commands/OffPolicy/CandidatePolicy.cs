using System.Globalization;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Tabular;

namespace Verdict.Cli.Commands.OffPolicy;

/// <summary>
/// Where the candidate policy's probabilities come from: the decisions themselves (<c>candidate.&lt;action&gt;</c>
/// fields), a policy file (one object for every decision, or one record per decision <c>id</c>), a brief's arm
/// weights (a new split, a bandit's next period), or <c>--weights a=0.2,b=0.8</c>.
/// </summary>
internal sealed class CandidatePolicy
{
    private readonly IReadOnlyDictionary<string, double>? fixedProbabilities;
    private readonly Dictionary<string, Dictionary<string, double>>? byId;

    private CandidatePolicy(string source, IReadOnlyDictionary<string, double>? fixedProbabilities, Dictionary<string, Dictionary<string, double>>? byId)
    {
        Source = source;
        this.fixedProbabilities = fixedProbabilities;
        this.byId = byId;
    }

    /// <summary>"decisions", "policy file", "brief" or "weights".</summary>
    public string Source { get; }

    /// <summary>Actions the policy names, in its order (empty when each decision carries its own).</summary>
    public IEnumerable<string> Actions => fixedProbabilities?.Keys ?? byId?.Values.SelectMany(v => v.Keys).Distinct() ?? [];

    public static CandidatePolicy Resolve(string? policyFile, string? briefFile, string? weights)
    {
        var given = new[] { policyFile, briefFile, weights }.Count(x => x is not null);
        if (given > 1)
        {
            throw new CliException("give at most one of --policy, --brief and --weights");
        }

        if (briefFile is not null)
        {
            var brief = BriefInput.Load(briefFile).Brief!;
            var total = brief.Arms.Sum(a => a.Weight);
            return new CandidatePolicy("brief", brief.Arms.ToDictionary(a => a.Name, a => a.Weight / total, StringComparer.Ordinal), null);
        }

        if (weights is not null)
        {
            return new CandidatePolicy("weights", ParseWeights(weights), null);
        }

        if (policyFile is null)
        {
            return new CandidatePolicy("decisions", null, null);
        }

        var records = RecordFile.Read(policyFile, "policy file");
        if (records.Count == 1 && records[0].Text("id") is null)
        {
            return new CandidatePolicy("policy file", Probabilities(records[0]), null);
        }

        var byId = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!byId.TryAdd(record.RequiredText("id"), Probabilities(record)))
            {
                throw new CliException($"{record.Where}: id \"{record.Text("id")}\" appears twice");
            }
        }

        return new CandidatePolicy("policy file", null, byId);
    }

    /// <summary>The candidate's probabilities for one logged decision.</summary>
    public IReadOnlyDictionary<string, double> For(TableRecord decision)
    {
        if (fixedProbabilities is not null)
        {
            return fixedProbabilities;
        }

        if (byId is not null)
        {
            var id = decision.RequiredText("id");
            return byId.TryGetValue(id, out var p) ? p : throw new CliException($"{decision.Where}: the policy file has no probabilities for id \"{id}\"");
        }

        var own = Probabilities(decision);
        return own.Count > 0 ? own : throw new CliException($"{decision.Where}: no candidate probabilities (candidate.<action> fields); or give --policy, --brief or --weights");
    }

    private static Dictionary<string, double> Probabilities(TableRecord record)
    {
        var values = record.Numbers("candidate.");
        foreach (var (action, p) in values)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new CliException($"{record.Where}: candidate.{action} must be a probability in [0, 1], got {p.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return values;
    }

    private static Dictionary<string, double> ParseWeights(string text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0 || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w >= 0) || double.IsInfinity(w))
            {
                throw new CliException($"--weights: expected ACTION=WEIGHT pairs such as control=0.2,treatment=0.8, got \"{part}\"");
            }

            result[pieces[0]] = w;
        }

        var total = result.Values.Sum();
        if (total <= 0)
        {
            throw new CliException("--weights: the weights must not all be 0");
        }

        return result.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal);
    }
}
