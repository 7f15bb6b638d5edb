using System.Globalization;
using Verdict.Statistics.Bandits;

namespace Verdict.Cli.Commands.Bandit;

/// <summary>Parses the bandit commands' shared inputs with messages that name the option.</summary>
internal static class BanditInput
{
    /// <summary>"0.55,0.62" → [0.55, 0.62]; each must lie in [0, 1].</summary>
    public static double[] Rates(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var rates = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out rates[i]) || rates[i] is < 0 or > 1)
            {
                throw new CliException($"{option}: \"{parts[i]}\" (item {i + 1}) is not a rate in [0, 1]");
            }
        }

        return rates.Length >= 2 ? rates : throw new CliException($"{option}: a bandit needs at least two arms, got {rates.Length}");
    }

    /// <summary>"quadrature" or "monte-carlo".</summary>
    public static WeightMethod Method(string text) => text switch
    {
        "quadrature" => WeightMethod.Quadrature,
        "monte-carlo" or "montecarlo" => WeightMethod.MonteCarlo,
        _ => throw new CliException($"--method must be quadrature or monte-carlo, got \"{text}\""),
    };
}
