using System.CommandLine;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;

namespace Verdict.Cli.Commands.Briefs;

/// <summary>
/// What a brief's lock says before it is analysed or planned: null when the brief is the registered plan, otherwise one
/// sentence naming the difference (field by field when the lock recorded its plan) and what to do.
/// </summary>
internal static class LockGate
{
    /// <summary>The flag that lets analyze and report run on a brief that is not the registered plan.</summary>
    public const string UnlockedFlag = "--unlocked";

    /// <summary>The <c>--unlocked</c> option of analyze and report.</summary>
    public static Option<bool> Option() => new(UnlockedFlag)
    {
        Description = "Analyse a brief that differs from its lock or has none, as exploratory: the verdict is INVALID (never SHIP) and every output says why",
    };

    /// <summary>Null when <paramref name="brief"/> matches the lock beside <paramref name="path"/>; otherwise why not.</summary>
    public static string? Problem(string path, ExperimentBrief brief)
    {
        var existing = BriefLockFile.Read(BriefLockFile.PathFor(path));
        var status = BriefCanonicalForm.Compare(brief, existing);
        return status switch
        {
            LockStatus.Matches => null,
            LockStatus.Missing => $"{Path.GetFileName(path)} has no lock (expected {BriefLockFile.PathFor(path)}): the plan was never registered; run 'verdict plan {path}' before exposure",
            LockStatus.NewVersion => $"{Path.GetFileName(path)} is version {brief.Version} but its lock is version {existing!.Version}: run 'verdict plan {path}' to register the new version",
            _ => Mismatch(path, brief, existing!),
        };
    }

    /// <summary>Throws (exit 2) unless the brief is its registered plan or <paramref name="unlocked"/> is set; returns the problem otherwise.</summary>
    public static string? Enforce(string path, ExperimentBrief brief, bool unlocked)
    {
        var problem = Problem(path, brief);
        if (problem is not null && !unlocked)
        {
            throw new CliException($"{problem}.\nThe analysis of a brief that is not its registered plan is refused; {UnlockedFlag} runs it as exploratory (verdict INVALID, never SHIP).");
        }

        return problem;
    }

    /// <summary>The message for a lock of another experiment, an older brief, or a brief changed in place.</summary>
    public static string Mismatch(string path, ExperimentBrief brief, BriefLock existing)
    {
        if (existing.Key != brief.Key)
        {
            return $"{BriefLockFile.PathFor(path)} locks experiment \"{existing.Key}\", not \"{brief.Key}\"";
        }

        if (existing.Version > brief.Version)
        {
            return $"{Path.GetFileName(path)} is version {brief.Version} but its lock is version {existing.Version}";
        }

        var differences = BriefCanonicalForm.Differences(brief, existing);
        var named = differences.Count > 0
            ? ": " + string.Join("; ", differences)
            : $" (sha256 {existing.Hash[..12]} → {BriefCanonicalForm.Hash(brief)[..12]}; the lock predates recorded plans, so the fields cannot be named)";
        return $"{Path.GetFileName(path)} changed since version {brief.Version} was locked{named}. "
            + $"Undo the change, or, if it is meant, register it as version {brief.Version + 1} (which re-randomizes unless traffic.salt keeps \"{existing.Salt}\")";
    }
}
