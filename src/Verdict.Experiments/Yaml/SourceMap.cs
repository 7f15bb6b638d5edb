namespace Verdict.Experiments.Yaml;

/// <summary>Field path → where it was written, so checks that run on the model can still point at a line.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    /// <summary>Records where <paramref name="path"/> was written (the first record wins).</summary>
    public void Record(string path, SourceLocation location) => locations.TryAdd(path, location);

    /// <summary>The location of <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public SourceLocation Find(string path, string fallbackFile)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path;
        while (true)
        {
            if (locations.TryGetValue(p, out var location))
            {
                return location;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                return locations.TryGetValue(string.Empty, out var root) ? root : new SourceLocation(fallbackFile, 0, 0);
            }

            p = p[..cut];
        }
    }
}
