using Verdict.Cli.Commands.Tabular;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Cli.Commands.OffPolicy;

/// <summary>
/// Reads logged decisions (docs/ope.md): <c>action</c>, <c>propensity</c> (may be missing), <c>reward</c>, optional
/// <c>id</c>, context features <c>context.&lt;name&gt;</c> and the candidate's <c>candidate.&lt;action&gt;</c>.
/// </summary>
internal static class LoggedDecisionsFile
{
    /// <summary>The decisions, the action names (index = action number) and the feature names.</summary>
    public static (List<LoggedDecision> Decisions, List<string> Actions, List<string> Features) Read(string path, CandidatePolicy policy)
    {
        var records = RecordFile.Read(path, "decisions file");
        var actions = new List<string>(policy.Actions);
        var candidates = new List<IReadOnlyDictionary<string, double>>(records.Count);
        var features = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var taken = record.RequiredText("action");
            var candidate = policy.For(record);
            candidates.Add(candidate);
            foreach (var action in candidate.Keys.Append(taken))
            {
                if (!actions.Contains(action))
                {
                    actions.Add(action);
                }
            }

            foreach (var name in record.Names)
            {
                if (name.StartsWith("context.", StringComparison.Ordinal))
                {
                    features.Add(name["context.".Length..]);
                }
            }
        }

        var index = actions.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var decisions = new List<LoggedDecision>(records.Count);
        foreach (var (record, candidate) in records.Zip(candidates))
        {
            var context = features.Select(f => record.Number("context." + f)).ToArray();
            var target = actions.Select(a => candidate.GetValueOrDefault(a)).ToArray();
            decisions.Add(new LoggedDecision(index[record.RequiredText("action")], record.Number("propensity"), record.Number("reward"), context, target));
        }

        return (decisions, actions, [.. features]);
    }
}
