namespace Verdict.Testing;

/// <summary>The repository's root, found by walking up from the running binaries to Verdict.slnx (linked into each test and bench project).</summary>
internal static class RepositoryRoot
{
    /// <summary>The root folder's full path.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Verdict.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("could not find Verdict.slnx above " + AppContext.BaseDirectory);
    }
}
