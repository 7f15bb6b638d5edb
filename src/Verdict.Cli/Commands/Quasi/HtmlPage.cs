namespace Verdict.Cli.Commands.Quasi;

/// <summary>Writes an HTML page for <c>--html</c> and says where on standard error (standard output stays the result).</summary>
internal static class HtmlPage
{
    public static void Write(CliContext context, string path, string html)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException($"--html: the folder {folder} does not exist");
        }

        File.WriteAllText(full, html);
        context.Error.WriteLine($"page written to {full}");
    }
}
