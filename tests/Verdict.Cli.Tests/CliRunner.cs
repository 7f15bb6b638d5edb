using System.Text.Json;

namespace Verdict.Cli.Tests;

/// <summary>Runs the real command tree in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"exit {code}: {error}");
        }

        return JsonDocument.Parse(output).RootElement;
    }
}
