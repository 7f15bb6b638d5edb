using System.CommandLine;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>Every command's <c>--help</c> shows an example.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        var root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, interactive: false));
        void Walk(Command command, string path)
        {
            if (command.Subcommands.Count == 0)
            {
                data.Add(path.Trim());
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path + " " + sub.Name);
            }
        }

        Walk(root, string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_HasAnExample(string command)
    {
        var (code, output, _) = CliRunner.Run([.. command.Split(' '), "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Example", output, StringComparison.Ordinal);
        Assert.Contains("verdict " + command.Split(' ')[0], output, StringComparison.Ordinal);
    }
}
