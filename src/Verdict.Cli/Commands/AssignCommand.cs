using System.CommandLine;
using System.Text;
using Verdict.Assignment;
using Verdict.Cli.Commands.Briefs;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict assign brief.yaml --unit ID | --units-file FILE [--out FILE] [--json]</c>.</summary>
public static class AssignCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The brief (brief.yaml)" };
        var unit = new Option<string?>("--unit") { Description = "One unit id to assign" };
        var unitsFile = new Option<string?>("--units-file") { Description = "A file with one unit id per line; writes CSV unit,arm,bucket" };
        var output = new Option<string?>("--out") { Description = "Write the CSV here instead of standard output" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (with --unit)" };
        var command = new Command("assign", "Assign units to arms exactly as every SDK does (docs/assignment.md).\n\nExamples:\n  verdict assign brief.yaml --unit customer-014 --json\n  verdict assign brief.yaml --units-file ids.txt --out arms.csv")
        {
            brief, unit, unitsFile, output, json,
        };
        command.SetAction(parse =>
        {
            var single = parse.GetValue(unit);
            var file = parse.GetValue(unitsFile);
            if ((single is null) == (file is null))
            {
                throw new CliException("give exactly one of --unit ID or --units-file FILE");
            }

            if (single is { Length: 0 })
            {
                throw new CliException("--unit: the unit id must not be empty");
            }

            var loaded = BriefInput.Load(parse.GetValue(brief)!);
            var assigner = new ExperimentAssigner(loaded.Brief!.ToAssignmentSpec());
            if (single is not null)
            {
                var result = assigner.Assign(single);
                var arm = assigner.ArmName(result.Arm);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(context.Out, new AssignmentJson(single, arm, result.Bucket, result.InExperiment));
                }
                else
                {
                    context.Out.WriteLine($"{single}: {arm ?? "not in experiment"} (bucket {result.Bucket}, {Describe(result.Status)})");
                }

                return ExitCodes.Success;
            }

            var outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                var temporary = outPath + ".tmp";
                try
                {
                    using var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16);
                    UnitsFile.Assign(assigner, file!, writer);
                }
                catch
                {
                    File.Delete(temporary);
                    throw;
                }

                File.Move(temporary, outPath, overwrite: true);
                return ExitCodes.Success;
            }

            if (ReferenceEquals(context.Out, Console.Out))
            {
                // Console.Out flushes on every write; a buffered stream keeps a million lines a second.
                using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                UnitsFile.Assign(assigner, file!, stdout);
            }
            else
            {
                UnitsFile.Assign(assigner, file!, context.Out);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => "in experiment",
        AssignmentStatus.Forced => "forced, in experiment",
        AssignmentStatus.NotExposed => "beyond current exposure",
        AssignmentStatus.HeldOut => "held out",
        _ => "outside this experiment's layer share",
    };
}
