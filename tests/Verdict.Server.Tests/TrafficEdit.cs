using System.Globalization;
using System.Text;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;

namespace Verdict.Server.Tests;

/// <summary>
/// Simulated support-bot traffic as NDJSON lines, with an optional edit of the treatment's events (an injected latency
/// blip or grounding failures): the edit sees every outcome event of a unit whose exposure was to a non-control arm.
/// </summary>
internal sealed class TrafficEdit(IEventSink inner, string control, Func<OutcomeEvent, IEnumerable<OutcomeEvent>> treated) : IEventSink
{
    private readonly HashSet<string> treatment = new(StringComparer.Ordinal);

    public void Add(ExposureRecord exposure)
    {
        if (exposure.Arm != control)
        {
            treatment.Add(exposure.UnitId);
        }

        inner.Add(exposure);
    }

    public void Add(OutcomeEvent outcome)
    {
        if (!treatment.Contains(outcome.UnitId))
        {
            inner.Add(outcome);
            return;
        }

        foreach (var edited in treated(outcome))
        {
            inner.Add(edited);
        }
    }

    /// <summary>The scenario's traffic as NDJSON lines, the treatment's events passed through <paramref name="treated"/>.</summary>
    public static List<string> Lines(ExperimentBrief brief, SupportBotScenario scenario, Func<OutcomeEvent, IEnumerable<OutcomeEvent>>? treated = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonEventWriter(buffer, leaveOpen: true))
        {
            new SupportBotSimulator(brief, scenario).Run(new TrafficEdit(writer, brief.Control.Name, treated ?? (e => [e])), TestContext.Current.CancellationToken);
        }

        return [.. Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Answers generated in [<paramref name="from"/>, <paramref name="to"/>) take <paramref name="factor"/> times as long.</summary>
    public static Func<OutcomeEvent, IEnumerable<OutcomeEvent>> SlowAnswers(DateTimeOffset from, DateTimeOffset to, double factor) => e =>
    {
        if (e.Name != SupportBotEvents.AnswerGenerated || e.Timestamp < from || e.Timestamp >= to)
        {
            return [e];
        }

        var latency = Math.Round(e.Value!.Value * factor);
        var properties = new Dictionary<string, string>(e.Properties) { [SupportBotEvents.LatencyMs] = latency.ToString(CultureInfo.InvariantCulture) };
        return [e with { Value = latency, Properties = properties }];
    };

    /// <summary>Every <paramref name="every"/>-th treatment grounding audit fails (on top of the simulated rate).</summary>
    public static Func<OutcomeEvent, IEnumerable<OutcomeEvent>> UngroundedAnswers(int every)
    {
        var seen = 0;
        return e =>
        {
            if (e.Name != SupportBotEvents.GroundingAudit || seen++ % every != 0)
            {
                return [e];
            }

            return [e with { Properties = new Dictionary<string, string>(e.Properties) { [SupportBotEvents.Grounded] = "false" } }];
        };
    }
}
