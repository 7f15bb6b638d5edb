using System.CommandLine;
using Verdict.Arena.Configuration;
using Verdict.Arena.Receipts;
using Verdict.Experiments.Yaml;

namespace Verdict.Cli.Commands.Arena;

/// <summary><c>verdict arena promote arena.yaml --variant B --brief brief.yaml</c>: the winner's receipt becomes the treatment arm.</summary>
internal static class ArenaPromoteCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("arena") { Description = "The arena file (arena.yaml)" };
        var variant = new Option<string>("--variant") { Description = "The winning variant", Required = true };
        var brief = new Option<string>("--brief") { Description = "The brief to write into (created when missing)", Required = true };
        var arm = new Option<string>("--arm") { Description = "Arm to write (default treatment)", DefaultValueFactory = _ => BriefReceiptEditor.TreatmentArm };
        var command = new Command("promote", "Write a variant's receipt into a brief as the treatment arm.\n\nExample:\n  verdict arena promote examples/prompt-arena/arena.yaml --variant B --brief brief.yaml")
        {
            file, variant, brief, arm,
        };
        command.SetAction(parse =>
        {
            var spec = ArenaSpecLoader.Load(parse.GetValue(file)!);
            var name = parse.GetValue(variant)!;
            if (spec.Variants.All(v => v.Name != name))
            {
                throw new CliException($"--variant: no variant named \"{name}\" (have {string.Join(", ", spec.Variants.Select(v => v.Name))})");
            }

            var path = parse.GetValue(brief)!;
            var existing = File.Exists(path) ? File.ReadAllText(path) : null;
            File.WriteAllText(path, BriefReceiptEditor.WriteReceipt(existing, VariantReceipt.For(spec.Variant(name)), parse.GetValue(arm)!));
            context.Out.WriteLine($"Wrote variant {name}'s receipt into {path} as arm \"{parse.GetValue(arm)}\".");
            return ExitCodes.Success;
        });
        return command;
    }
}
