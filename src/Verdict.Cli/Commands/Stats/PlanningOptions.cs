using System.CommandLine;
using System.Globalization;
using Verdict.Statistics.Power;

namespace Verdict.Cli.Commands.Stats;

/// <summary>Options shared by the planning calculators (sample-size, mde, power).</summary>
internal sealed class PlanningOptions
{
    public Option<double?> BaselineOption { get; } = new("--baseline") { Description = "Baseline rate of a binary metric, e.g. 0.38" };

    public Option<double?> SdOption { get; } = new("--sd") { Description = "Standard deviation of a continuous metric" };

    public Option<double> Alpha { get; } = StatsOptions.Alpha();

    public Option<double> Power { get; } = new("--power") { Description = "Target power (default 0.8)", DefaultValueFactory = _ => 0.8 };

    public Option<string> FormulaOption { get; } = new("--formula") { Description = "Binary formula: simple (seed 000) or pooled (seed 001)", DefaultValueFactory = _ => "simple" };

    public Option<double> Ratio { get; } = new("--ratio") { Description = "Allocation ratio n_treatment / n_control (default 1)", DefaultValueFactory = _ => 1.0 };

    public Option<double> Correlation { get; } = new("--correlation") { Description = "Correlation of a pre-period covariate (CUPED); variance scales by 1 − ρ²", DefaultValueFactory = _ => 0.0 };

    public Option<bool> Json { get; } = StatsOptions.Json();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { BaselineOption, SdOption, Alpha, Power, FormulaOption, Ratio, Correlation, Json })
        {
            command.Options.Add(option);
        }
    }

    public bool IsBinary(ParseResult parse)
    {
        var hasBaseline = parse.GetValue(BaselineOption) is not null;
        var hasSd = parse.GetValue(SdOption) is not null;
        if (hasBaseline == hasSd)
        {
            throw new CliException("give exactly one of --baseline (binary metric) or --sd (continuous metric)");
        }

        return hasBaseline;
    }

    /// <summary>
    /// The value of an <c>--mde</c> option, which must be positive and finite: it is the size of the effect, and a
    /// two-sided test detects either direction, so a sign would be silently dropped.
    /// </summary>
    public static double Mde(ParseResult parse, Option<double> option)
    {
        var value = parse.GetValue(option);
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new CliException($"{option.Name} must be a positive finite number (the size of the effect, either direction), got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    /// <summary>The value of <c>--daily-traffic</c>, which must be positive and finite when given.</summary>
    public static double? DailyTraffic(ParseResult parse, Option<double?> option)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        return value > 0 && double.IsFinite(value)
            ? value
            : throw new CliException($"{option.Name} must be a positive finite number, got {value.ToString(CultureInfo.InvariantCulture)}");
    }

    public double Baseline(ParseResult parse) => parse.GetValue(BaselineOption)!.Value;

    public double Sd(ParseResult parse) => parse.GetValue(SdOption)!.Value;

    public SampleSizeFormula Formula(ParseResult parse) => parse.GetValue(FormulaOption) switch
    {
        "simple" => SampleSizeFormula.Simple,
        "pooled" => SampleSizeFormula.Pooled,
        var other => throw new CliException($"--formula: expected simple or pooled, got \"{other}\""),
    };
}
