using System.CommandLine;
using Verdict.Assignment.Interleaving;

namespace Verdict.Cli.Commands.Interleaving;

/// <summary><c>verdict interleaving merge</c>: the interleaved list a ranking service would show for one (unit, query).</summary>
internal static class InterleaveCommand
{
    public static Command Create(CliContext context)
    {
        var salt = new Option<string>("--salt") { Description = "The experiment's salt (for example search-ranker:v1)", Required = true };
        var unit = new Option<string>("--unit") { Description = "The user (unit) id", Required = true };
        var query = new Option<string>("--query") { Description = "The query (impression) id", Required = true };
        var a = new Option<string>("--a") { Description = "Ranker A's list, comma-separated item ids", Required = true };
        var b = new Option<string>("--b") { Description = "Ranker B's list, comma-separated item ids", Required = true };
        var length = new Option<int>("--length") { Description = "Items to show (default 10)", DefaultValueFactory = _ => 10 };
        var method = new Option<string>("--method") { Description = "team-draft (default) or balanced", DefaultValueFactory = _ => "team-draft" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("merge", "Interleave two rankings for one unit and query, deterministically from the salt (docs/interleaving.md).\n\nExample:\n  verdict interleaving merge --salt search-ranker:v1 --unit user-1 --query q-7 --a sony,sennheiser,jbl --b bose,sony,apple --length 5")
        {
            salt, unit, query, a, b, length, method, json,
        };
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(method) switch
            {
                "team-draft" => InterleavingMethod.TeamDraft,
                "balanced" => InterleavingMethod.Balanced,
                var other => throw new CliException($"--method must be team-draft or balanced, got \"{other}\""),
            };
            var k = parse.GetValue(length);
            if (k is < 1 or > TeamDraftInterleaving.MaxLength)
            {
                throw new CliException($"--length must lie in [1, {TeamDraftInterleaving.MaxLength}], got {k}");
            }

            var assigner = new InterleavingAssigner(parse.GetValue(salt)!, kind);
            var shown = assigner.Interleave(parse.GetValue(unit)!, parse.GetValue(query)!, Split(parse.GetValue(a)!), Split(parse.GetValue(b)!), k);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new { Items = shown.Select(s => s.Item).ToList(), Teams = shown.Select(s => s.Team.ToString()).ToList() });
            }
            else
            {
                for (var i = 0; i < shown.Count; i++)
                {
                    context.Out.WriteLine($"{i + 1}. [{shown[i].Team}] {shown[i].Item}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
