using System.CommandLine;
using System.Globalization;
using Verdict.Statistics.Sequential;

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

    public static (SpendingFunction Spending, ClassicBoundary? Classic) ParseSpending(string text, string option, bool allowClassic) =>
        SpendingSpecification.TryParse(text, allowClassic, out var spending, out var classic, out var error)
            ? (spending, classic)
            : throw new CliException($"{option}: {error}");
}
