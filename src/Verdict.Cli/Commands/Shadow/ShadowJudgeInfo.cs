namespace Verdict.Cli.Commands.Shadow;

/// <summary>Which judge scored the pairs and how many pairs per arm it was given.</summary>
/// <param name="Endpoint">The OpenAI-compatible base URL.</param>
/// <param name="Model">The judge model id.</param>
/// <param name="MaxPairs">The most pairs judged per treatment arm (the first in pair-id order).</param>
internal sealed record ShadowJudgeInfo(string Endpoint, string Model, int MaxPairs);
