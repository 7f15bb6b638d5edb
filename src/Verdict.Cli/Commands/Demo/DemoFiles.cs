namespace Verdict.Cli.Commands.Demo;

/// <summary>Seed 000's brief and metrics, embedded in the CLI, written into the demo directory.</summary>
internal static class DemoFiles
{
    private const string ShipThresholdLine = "minimum_ship_lift: 2.0pp";

    /// <summary>Writes <c>brief.yaml</c> and <c>metrics.yaml</c> into <paramref name="directory"/>; returns the brief's path.</summary>
    public static string Write(string directory, string? minimumShipLift)
    {
        var brief = Read("brief.yaml");
        if (minimumShipLift is not null)
        {
            if (!brief.Contains(ShipThresholdLine, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the embedded brief no longer registers " + ShipThresholdLine);
            }

            brief = brief.Replace(ShipThresholdLine, "minimum_ship_lift: " + minimumShipLift, StringComparison.Ordinal);
        }

        var briefPath = Path.Combine(directory, "brief.yaml");
        File.WriteAllText(briefPath, brief);
        File.WriteAllText(Path.Combine(directory, "metrics.yaml"), Read("metrics.yaml"));
        return briefPath;
    }

    private static string Read(string name)
    {
        using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream("Verdict.Cli.Demo." + name)
            ?? throw new InvalidOperationException($"the CLI was built without its embedded {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
