namespace Verdict.Cli.Commands.Briefs;

/// <summary>The <c>verdict assign --json</c> contract: <c>{"unit","arm","bucket","in_experiment"}</c> (arm null when not in).</summary>
internal sealed record AssignmentJson(string Unit, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Arm, int Bucket, bool InExperiment);
