using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.Bayesian;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats bayes</c>: Beta-binomial or Gaussian posterior on the lift.</summary>
internal static class BayesCommand
{
    public static Command Create(CliContext context)
    {
        var control = new Option<string?>("--control") { Description = "Control successes/units (Beta-binomial)" };
        var treatment = new Option<string?>("--treatment") { Description = "Treatment successes/units (Beta-binomial)" };
        var prior = new Option<string>("--prior") { Description = "Beta prior ALPHA,BETA (default 1,1: flat)", DefaultValueFactory = _ => "1,1" };
        var estimate = new Option<double?>("--estimate") { Description = "Estimated lift (Gaussian model)" };
        var se = new Option<double?>("--se") { Description = "Its standard error (Gaussian model)" };
        var priorMean = new Option<double>("--prior-mean") { Description = "Gaussian prior mean on the lift (default 0)", DefaultValueFactory = _ => 0 };
        var priorSd = new Option<double?>("--prior-sd") { Description = "Gaussian prior sd on the lift (omit for a flat prior)" };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("bayes", "Posterior on the lift: chance to beat control, credible interval, expected loss.\n\nExamples:\n  verdict stats bayes --control 760/2000 --treatment 840/2000\n  verdict stats bayes --estimate 0.04 --se 0.0155 --prior-sd 0.05")
        {
            control, treatment, prior, estimate, se, priorMean, priorSd, alpha, json,
        };
        command.SetAction(parse =>
        {
            BayesianResult result;
            string model;
            if (parse.GetValue(control) is { } c && parse.GetValue(treatment) is { } t)
            {
                var (cs, cn) = ArgParsing.Fraction(c, "--control");
                var (ts, tn) = ArgParsing.Fraction(t, "--treatment");
                var p = ArgParsing.Numbers(parse.GetValue(prior)!, "--prior", 2, "ALPHA,BETA");
                if (p[0] <= 0 || p[1] <= 0)
                {
                    throw new CliException($"--prior: both parameters must be positive, got {p[0]},{p[1]}");
                }

                result = BetaBinomial.Compare(cs, cn, ts, tn, new BetaPrior(p[0], p[1]), parse.GetValue(alpha));
                model = "beta_binomial";
            }
            else if (parse.GetValue(estimate) is { } e && parse.GetValue(se) is { } s)
            {
                if (s <= 0)
                {
                    throw new CliException($"--se must be positive, got {s}");
                }

                if (parse.GetValue(priorSd) is <= 0)
                {
                    throw new CliException("--prior-sd must be positive");
                }

                result = GaussianLift.Compare(e, s, parse.GetValue(priorMean), parse.GetValue(priorSd), parse.GetValue(alpha));
                model = "gaussian";
            }
            else
            {
                throw new CliException("give --control and --treatment (Beta-binomial), or --estimate and --se (Gaussian)");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    model,
                    control_mean = EstimateJson.N(result.ControlPosteriorMean),
                    treatment_mean = EstimateJson.N(result.TreatmentPosteriorMean),
                    lift_mean = result.LiftMean,
                    lift_sd = result.LiftStandardDeviation,
                    ci_low = result.CredibleLow,
                    ci_high = result.CredibleHigh,
                    chance_to_beat_control = result.ChanceToBeatControl,
                    expected_loss_treatment = result.ExpectedLossTreatment,
                    expected_loss_control = result.ExpectedLossControl,
                });
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"lift {MetricFormat.Number(result.LiftMean)} (sd {MetricFormat.Number(result.LiftStandardDeviation)}), credible interval [{MetricFormat.Number(result.CredibleLow)}, {MetricFormat.Number(result.CredibleHigh)}]");
            context.Out.WriteLine($"chance to beat control {result.ChanceToBeatControl:P2}; expected loss if shipped {MetricFormat.Number(result.ExpectedLossTreatment)}, if kept {MetricFormat.Number(result.ExpectedLossControl)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
