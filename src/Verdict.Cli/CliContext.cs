using Spectre.Console;

namespace Verdict.Cli;

/// <summary>Where a command writes: plain text or JSON to <see cref="Out"/>, tables to <see cref="Console"/>.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            Console.Profile.Width = 160;
        }
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>True when standard output is a terminal, so progress bars and colour are welcome.</summary>
    public bool Interactive { get; }

    /// <summary>The Spectre console bound to <see cref="Out"/>.</summary>
    public IAnsiConsole Console { get; }
}
