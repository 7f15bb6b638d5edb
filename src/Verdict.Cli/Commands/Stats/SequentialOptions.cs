using System.CommandLine;
using System.Globalization;
using Verdict.Statistics;

namespace Verdict.Cli.Commands.Stats;

/// <summary>The plan options shared by <c>stats sequential</c> and <c>stats sequential-look</c>.</summary>
internal sealed class SequentialOptions
{
    public Option<string> Looks { get; } = new("--looks")
    {
        Description = "Planned information fractions, increasing, ending at 1 (default 0.25,0.5,0.75,1)",
        DefaultValueFactory = _ => "0.25,0.5,0.75,1",
    };

    public Option<string> Spending { get; } = new("--spending")
    {
        Description = "obf | pocock | power:RHO | hsd:GAMMA (Lan–DeMets spending) or classic-obf | classic-pocock (default obf)",
        DefaultValueFactory = _ => "obf",
    };

    public Option<double> Alpha { get; } = new("--alpha")
    {
        Description = "Total type-I error; with --sides 2 the sum over both sides (default 0.05)",
        DefaultValueFactory = _ => 0.05,
    };

    public Option<int> Sides { get; } = new("--sides")
    {
        Description = "1: upper efficacy boundary; 2: symmetric ±z boundaries (default 2)",
        DefaultValueFactory = _ => 2,
    };

    public Option<string?> Futility { get; } = new("--futility")
    {
        Description = "Beta-spending function for non-binding futility boundaries (obf | pocock | power:RHO | hsd:GAMMA); one-sided plans only",
    };

    public Option<double> Beta { get; } = new("--beta")
    {
        Description = "Type-II error for futility spending and planning (default 0.2)",
        DefaultValueFactory = _ => 0.2,
    };

    public IEnumerable<Option> All => [Looks, Spending, Alpha, Sides, Futility, Beta];

    public GroupSequentialOptions Read(ParseResult parse)
    {
        var sides = parse.GetValue(Sides);
        if (sides is not (1 or 2))
        {
            throw new CliException($"--sides: expected 1 or 2, got {sides}");
        }

        var alpha = parse.GetValue(Alpha);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new CliException($"--alpha must lie strictly between 0 and 1, got {alpha.ToString(CultureInfo.InvariantCulture)}");
        }

        var (spending, classic) = ParseSpending(parse.GetValue(Spending)!, "--spending", allowClassic: true);
        var futility = parse.GetValue(Futility) is { } f ? ParseSpending(f, "--futility", allowClassic: false).Spending : null;
        return new GroupSequentialOptions
        {
            InformationFractions = ArgParsing.Numbers(parse.GetValue(Looks)!, "--looks"),
            Alpha = alpha,
            Sides = sides,
            AlphaSpending = spending,
            Classic = classic,
            BetaSpending = futility,
            Beta = parse.GetValue(Beta),
        };
    }

    public static (SpendingFunction Spending, ClassicBoundary? Classic) ParseSpending(string text, string option, bool allowClassic)
    {
        var spec = text.Trim().ToLowerInvariant();
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? spec : spec[..colon];
        double Parameter()
        {
            if (colon < 0 || !double.TryParse(spec[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new CliException($"{option}: \"{text}\" needs a number after the colon, e.g. power:2 or hsd:-4");
            }

            return value;
        }

        return name switch
        {
            "obf" when colon < 0 => (SpendingFunction.ObrienFleming, null),
            "pocock" when colon < 0 => (SpendingFunction.Pocock, null),
            "power" => Parameter() is var rho && rho > 0
                ? (SpendingFunction.Power(rho), null)
                : throw new CliException($"{option}: the power family needs RHO > 0, got \"{text}\""),
            "hsd" => (SpendingFunction.HwangShihDeCani(Parameter()), null),
            "classic-obf" when allowClassic && colon < 0 => (SpendingFunction.ObrienFleming, ClassicBoundary.ObrienFleming),
            "classic-pocock" when allowClassic && colon < 0 => (SpendingFunction.Pocock, ClassicBoundary.Pocock),
            _ => throw new CliException(
                $"{option}: expected obf, pocock, power:RHO, hsd:GAMMA{(allowClassic ? ", classic-obf or classic-pocock" : string.Empty)}, got \"{text}\""),
        };
    }
}
