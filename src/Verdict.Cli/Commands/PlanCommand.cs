using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Verdict.Cli.Commands.Briefs;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Validation;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict plan brief.yaml [--daily-traffic N] [--json] [--check]</c>: validate, plan and lock a brief.</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The brief (brief.yaml)" };
        var daily = new Option<double?>("--daily-traffic") { Description = "Eligible units a day (overrides traffic.daily_units)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var check = new Option<bool>("--check") { Description = "Only verify that the brief matches its lock (exit 0) or not (exit 2)" };
        var command = new Command("plan", "Validate a brief, print its plan (units per arm, duration, sequential looks) and write its lock.\n\nExample:\n  verdict plan examples/refund-query-rewrite/brief.yaml --daily-traffic 1500")
        {
            brief, daily, json, check,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(brief)!;
            var dailyUnits = parse.GetValue(daily);
            if (dailyUnits is { } given && !(given > 0 && double.IsFinite(given)))
            {
                throw new CliException($"--daily-traffic must be a positive finite number, got {dailyUnits.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            var loaded = BriefInput.Load(path, dailyUnits);
            return parse.GetValue(check) ? Check(context, path, loaded.Brief!) : Plan(context, path, loaded, dailyUnits, parse.GetValue(json));
        });
        return command;
    }

    private static int Check(CliContext context, string path, ExperimentBrief brief)
    {
        var lockPath = BriefLockFile.PathFor(path);
        var existing = BriefLockFile.Read(lockPath);
        switch (BriefCanonicalForm.Compare(brief, existing))
        {
            case LockStatus.Matches:
                context.Out.WriteLine($"{Path.GetFileName(path)} matches its lock: {brief.Key} v{brief.Version}, sha256 {existing!.Hash}");
                return ExitCodes.Success;
            case LockStatus.Missing:
                throw new CliException($"no lock for {Path.GetFileName(path)} (expected {lockPath}); run 'verdict plan {path}' first");
            default:
                throw new CliException(LockGate.Mismatch(path, brief, existing!));
        }
    }

    private static int Plan(CliContext context, string path, BriefLoadResult loaded, double? dailyUnits, bool json)
    {
        var brief = loaded.Brief!;
        var lockPath = BriefLockFile.PathFor(path);
        var existing = BriefLockFile.Read(lockPath);
        var status = BriefCanonicalForm.Compare(brief, existing);
        if (status is LockStatus.ChangedInPlace or LockStatus.Mismatched)
        {
            throw new CliException(LockGate.Mismatch(path, brief, existing!));
        }

        // The seam for the sequential engine: the lead wires an ISequentialPlanner here when Statistics/Sequential lands.
        var plan = ExperimentPlanner.Plan(brief, dailyUnits, sequential: null);
        var newLock = BriefCanonicalForm.Lock(brief);
        if (status != LockStatus.Matches)
        {
            BriefLockFile.Write(lockPath, newLock);
        }

        var notes = plan.Notes.ToList();
        if (status == LockStatus.NewVersion && existing!.Salt != newLock.Salt)
        {
            notes.Add($"version {brief.Version} re-randomizes: salt {existing.Salt} → {newLock.Salt} (set traffic.salt: {existing.Salt} to keep arms)");
        }

        var lockWord = status switch
        {
            LockStatus.Matches => "unchanged",
            LockStatus.NewVersion => "new_version",
            _ => "written",
        };
        if (json)
        {
            JsonOutput.Write(context.Out, ToJson(brief, plan, newLock, lockPath, lockWord, loaded.Warnings, notes));
        }
        else
        {
            PlanText.Write(context, brief, plan, newLock, lockPath, lockWord, loaded.Warnings.ToList(), notes);
        }

        return ExitCodes.Success;
    }

    private static PlanJson ToJson(ExperimentBrief brief, ExperimentPlan plan, BriefLock newLock, string lockPath, string lockWord, IEnumerable<BriefProblem> warnings, IReadOnlyList<string> notes) => new(
        brief.Key,
        brief.Version,
        newLock.Salt,
        newLock.Hash,
        lockPath,
        lockWord,
        brief.PrimaryMetric,
        brief.Analysis.Mde.ToString(),
        plan.AbsoluteMde,
        brief.Analysis.MinimumShipLift.ToString(),
        brief.Analysis.Alpha,
        brief.Analysis.Power,
        plan.Method,
        plan.Arms.Select(a => new ArmPlanJson(a.Name, a.Weight, a.Units)).ToList(),
        plan.TotalUnits,
        plan.DailyUnits,
        plan.EnrolledPerDay,
        plan.DurationDays,
        JsonNamingPolicy.SnakeCaseLower.ConvertName(brief.Analysis.Design.ToString()),
        brief.Analysis.Looks,
        brief.Analysis.Spending,
        plan.Sequential?.Looks.Select(l => new BoundaryJson(l.InformationFraction, l.EfficacyZ, l.CumulativeAlpha)).ToList(),
        warnings.Select(w => new ProblemJson(w.File, w.Line, w.Path, w.Rule, w.Message)).ToList(),
        notes);
}
