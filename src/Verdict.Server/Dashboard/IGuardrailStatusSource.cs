using System.Text.Json.Nodes;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The guardrail monitor's view of one experiment version — windows, breaches, streaks and the ladder with its gates — as
/// JSON. Optional: when the server registers one, the experiment page shows it; until then the guardrail section says
/// the monitor is not running (docs/dashboard.md, "Guardrails and ladder").
/// </summary>
public interface IGuardrailStatusSource
{
    /// <summary>The monitor's state for <paramref name="key"/> v<paramref name="version"/>, or null when it has none.</summary>
    Task<JsonNode?> StatusAsync(string key, int version, CancellationToken cancellationToken);
}
