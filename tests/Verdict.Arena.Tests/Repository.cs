namespace Verdict.Arena.Tests;

/// <summary>The repository's root, found by walking up from the test binaries to Verdict.slnx.</summary>
internal static class Repository
{
    public static string Root => Verdict.Testing.RepositoryRoot.Path;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
