using Verdict.Server.ControlPlane;

namespace Verdict.Server.Dashboard;

/// <summary>
/// What the dashboard reads from an experiment's audit log: when the current version started (for days running), and
/// its open alerts — entries whose action names an alert, a breach or a roll-back (the guardrail monitor's decisions)
/// recorded after the version's last start or resume.
/// </summary>
public static class AuditFacts
{
    /// <summary>The entries of <paramref name="audit"/> that belong to <paramref name="version"/>, oldest first.</summary>
    public static IReadOnlyList<AuditEntry> OfVersion(IReadOnlyList<AuditEntry> audit, int version)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return [.. audit.Where(e => e.Version == version).OrderBy(e => e.Sequence)];
    }

    /// <summary>Whole and fractional days from the version's start to its stop, or to <paramref name="now"/>; null when never started.</summary>
    public static double? DaysRunning(IReadOnlyList<AuditEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var start = entries.FirstOrDefault(e => e.Action == "start");
        if (start is null)
        {
            return null;
        }

        var end = entries.LastOrDefault(e => e.Action == "stop")?.At ?? now;
        return Math.Max(0, (end - start.At).TotalDays);
    }

    /// <summary>True when <paramref name="action"/> is an alert-like decision (alert, breach, roll back).</summary>
    public static bool IsAlert(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Contains("alert", StringComparison.OrdinalIgnoreCase)
            || action.Contains("breach", StringComparison.OrdinalIgnoreCase)
            || action.Replace("_", string.Empty, StringComparison.Ordinal).Contains("rollback", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Alert entries after the version's last start or resume: what a person has not yet acted on.</summary>
    public static IReadOnlyList<AuditEntry> OpenAlerts(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var since = entries.LastOrDefault(e => e.Action is "start" or "resume")?.Sequence ?? long.MinValue;
        return [.. entries.Where(e => e.Sequence > since && IsAlert(e.Action))];
    }
}
