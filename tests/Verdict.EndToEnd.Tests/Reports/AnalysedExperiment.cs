using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Simulation;
using Verdict.Experiments.Yaml;
using Verdict.Reports.Html;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.EndToEnd.Tests.Reports;

/// <summary>
/// Seed 000's experiment simulated into a real DuckDB store and analysed by the real pipeline, with its lock written the
/// way <c>verdict plan</c> writes it. One instance per failure mode; each lives in its own temporary directory.
/// </summary>
public sealed class AnalysedExperiment : IDisposable
{
    public AnalysedExperiment(SupportBotFailures failures, long units = 20_000)
    {
        Directory = Path.Combine(Path.GetTempPath(), "verdict-report-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var examples = Path.Combine(AppContext.BaseDirectory, "Examples");
        foreach (var file in new[] { "brief.yaml", "metrics.yaml" })
        {
            File.Copy(Path.Combine(examples, file), Path.Combine(Directory, file));
        }

        BriefPath = Path.Combine(Directory, "brief.yaml");
        var loaded = BriefLoader.LoadFile(BriefPath);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Brief = loaded.Brief!;
        Lock = BriefCanonicalForm.Lock(Brief);
        BriefLockFile.Write(BriefLockFile.PathFor(BriefPath), Lock);
        using var store = DuckDbEventStore.Open(Path.Combine(Directory, "verdict.duckdb"));
        using (var loader = store.BeginLoad())
        {
            new SupportBotSimulator(Brief, new SupportBotScenario { Units = units, Failures = failures }).Run(loader);
            loader.Commit();
        }

        Data = new SqlMetricSource(store).Load(Brief, null);
        Analysis = LaunchAnalyzer.Analyze(Brief, Data);
        Content = new ReportContent(Brief, Analysis, ExperimentPlanner.Plan(Brief), Lock, new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));
    }

    public string Directory { get; }

    public string BriefPath { get; }

    public ExperimentBrief Brief { get; }

    public BriefLock Lock { get; }

    /// <summary>The aggregates the store returned, for re-analysing under an edited brief.</summary>
    public MetricData Data { get; }

    public AnalysisReport Analysis { get; }

    public ReportContent Content { get; }

    /// <summary>Renders the report into the experiment's directory and returns its path.</summary>
    public string WriteHtml()
    {
        var path = Path.Combine(Directory, "report.html");
        File.WriteAllText(path, HtmlReport.Render(Content));
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A browser may still hold the file for a moment; the temporary directory is harmless.
        }
    }
}
