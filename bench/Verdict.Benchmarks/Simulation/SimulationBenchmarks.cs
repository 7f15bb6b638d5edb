using BenchmarkDotNet.Attributes;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Experiments.Yaml;

namespace Verdict.Benchmarks.Simulation;

/// <summary>
/// The support-bot simulator per 10 000 units: generating records only (the baseline), and generating them as NDJSON.
/// The difference is the writer's cost; ×1000 gives the 10-million-unit time.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private SupportBotSimulator simulator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");
        var brief = BriefLoader.LoadFile(path).Brief ?? throw new InvalidOperationException("the example brief does not load");
        simulator = new SupportBotSimulator(brief, new SupportBotScenario { Units = 10_000 });
    }

    [Benchmark(Baseline = true)]
    public long GenerateRecords() => simulator.Run(new CountingSink()).Events;

    [Benchmark]
    public long GenerateNdjson()
    {
        using var writer = new NdjsonEventWriter(Stream.Null);
        simulator.Run(writer);
        return writer.Lines;
    }

    private sealed class CountingSink : IEventSink
    {
        public long Records { get; private set; }

        public void Add(ExposureRecord exposure) => Records++;

        public void Add(OutcomeEvent outcome) => Records++;
    }
}
