using System.Diagnostics;
using System.Globalization;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// Wall and process CPU times of the rounds of one step, and their medians. On a shared machine the CPU time (every
/// thread of the process, the store's included) moves far less with the load than the wall time, so ratios are
/// printed for both.
/// </summary>
internal sealed class Timings
{
    private readonly List<(double Wall, double Cpu)> rounds = [];

    /// <summary>The median wall time in milliseconds.</summary>
    public double Wall => Median(rounds.Select(r => r.Wall));

    /// <summary>The median CPU time in milliseconds.</summary>
    public double Cpu => Median(rounds.Select(r => r.Cpu));

    /// <summary>Per round, the sum of the two steps' times.</summary>
    public static Timings operator +(Timings left, Timings right)
    {
        var sum = new Timings();
        sum.rounds.AddRange(left.rounds.Zip(right.rounds, (a, b) => (a.Wall + b.Wall, a.Cpu + b.Cpu)));
        return sum;
    }

    /// <summary>Runs <paramref name="step"/> once, timed, and returns its result.</summary>
    public T Time<T>(Func<T> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = step();
        rounds.Add((clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds));
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"median {Wall:N0} ms wall (best {rounds.Min(r => r.Wall):N0}, worst {rounds.Max(r => r.Wall):N0}), {Cpu:N0} ms CPU");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
