using Spectre.Console;

namespace Verdict.Cli.Commands;

/// <summary>
/// Progress for long-running commands: a Spectre progress bar or spinner on a terminal, nothing at all when output is
/// redirected or <c>--json</c> is given (so pipes and CI logs get only the result).
/// </summary>
internal static class CliProgress
{
    /// <summary>True when progress may be drawn: a terminal and no JSON requested.</summary>
    public static bool Enabled(CliContext context, bool json) => context.Interactive && !json;

    /// <summary>Runs <paramref name="work"/> under a bar that counts to <paramref name="total"/>; the work reports how far it got.</summary>
    public static T Bar<T>(CliContext context, bool json, string description, double total, Func<Action<double>, T> work)
    {
        if (!Enabled(context, json) || total <= 0)
        {
            return work(_ => { });
        }

        return context.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total);
                var result = work(done => task.Value = Math.Min(done, total));
                task.Value = total;
                return result;
            });
    }

    /// <summary>Runs <paramref name="work"/> under a spinner with <paramref name="status"/>.</summary>
    public static T Status<T>(CliContext context, bool json, string status, Func<T> work) =>
        Enabled(context, json) ? context.Console.Status().Start(Markup.Escape(status), _ => work()) : work();
}
