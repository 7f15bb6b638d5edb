using System.Text.Json;
using Verdict.Assignment;
using Verdict.Assignment.Hashing;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict plan</c> and <c>verdict assign</c> on a copy of seed 000's example in a temporary folder.</summary>
public sealed class BriefCommandsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-cli-").FullName;

    public BriefCommandsTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private string BriefPath => Path.Combine(folder, "brief.yaml");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Plan_SeedExample_WritesLockAndPrintsJsonPlan()
    {
        var (code, output, error) = Run("plan", BriefPath, "--json");
        Assert.Equal((0, string.Empty), (code, error));
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("refund-query-rewrite:v1", json.GetProperty("salt").GetString());
        Assert.Equal("written", json.GetProperty("lock_status").GetString());
        Assert.Equal(2, json.GetProperty("arms").GetArrayLength());
        var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "brief.lock.json"))).RootElement;
        Assert.Equal(json.GetProperty("hash").GetString(), lockFile.GetProperty("hash").GetString());
        Assert.Equal(0, Run("plan", "--check", BriefPath).Code);
    }

    [Fact]
    public void PlanCheck_BriefChangedWithoutVersionBump_ExitsTwoAndSaysWhy()
    {
        Assert.Equal(0, Run("plan", BriefPath).Code);
        File.WriteAllText(BriefPath, File.ReadAllText(BriefPath).Replace("budget: 150ms", "budget: 300ms", StringComparison.Ordinal));
        var (code, output, error) = Run("plan", "--check", BriefPath);
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Contains("changed since version 1 was locked", error, StringComparison.Ordinal);
        Assert.Contains("guardrails[1].budget.value: 150 → 300", error, StringComparison.Ordinal);
        Assert.Contains("register it as version 2", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("plan", BriefPath).Code);
    }

    [Fact]
    public void Plan_NewVersion_RelocksAndWarnsOfReRandomization()
    {
        Assert.Equal(0, Run("plan", BriefPath).Code);
        File.WriteAllText(BriefPath, File.ReadAllText(BriefPath).Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("budget: 150ms", "budget: 300ms", StringComparison.Ordinal));
        var (code, output, _) = Run("plan", BriefPath, "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("new_version", json.GetProperty("lock_status").GetString());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("re-randomizes", StringComparison.Ordinal));
        Assert.Equal(0, Run("plan", "--check", BriefPath).Code);
    }

    [Fact]
    public void PlanCheck_NoLock_ExitsTwo()
    {
        var (code, _, error) = Run("plan", "--check", BriefPath);
        Assert.Equal(2, code);
        Assert.Contains("no lock", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InvalidBrief_ListsEveryProblemAndWritesNothing()
    {
        File.WriteAllText(BriefPath, File.ReadAllText(BriefPath).Replace("budget: 150ms", "budget: fast", StringComparison.Ordinal).Replace("exposure: 1.0", "exposure: -1", StringComparison.Ordinal));
        var (code, output, error) = Run("plan", BriefPath);
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Contains("brief.yaml has 2 problems", error, StringComparison.Ordinal);
        Assert.Contains("guardrails[1].budget: expected milliseconds, got \"fast\"", error, StringComparison.Ordinal);
        Assert.Contains("traffic.exposure: must lie in [0, 1], got -1", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "brief.lock.json")));
    }

    [Fact]
    public void Assign_OneUnitJson_PrintsTheContract()
    {
        var (code, output, _) = Run("assign", BriefPath, "--unit", "customer-014", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["unit", "arm", "bucket", "in_experiment"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(AssignmentHash.Bucket("refund-query-rewrite:v1", "customer-014"), json.GetProperty("bucket").GetInt32());
        Assert.True(json.GetProperty("in_experiment").GetBoolean());
    }

    [Fact]
    public void Assign_EmptyUnit_ExitsTwoWithOneMessage()
    {
        var (code, output, error) = Run("assign", BriefPath, "--unit", string.Empty);
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal("error: --unit: the unit id must not be empty", error.Trim());
    }

    [Fact]
    public void Assign_UnitsFile_WritesCsvMatchingTheLibrary()
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"customer-{i:D3}").Append("comma,id").ToArray();
        var units = Path.Combine(folder, "units.txt");
        File.WriteAllLines(units, ids);
        var (code, output, _) = Run("assign", BriefPath, "--units-file", units);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unit,arm,bucket", lines[0]);
        var assigner = new ExperimentAssigner(new AssignmentSpec { Salt = "refund-query-rewrite:v1", Arms = [new("control", 0.5), new("treatment", 0.5)] });
        Assert.Equal(ids.Select(id => $"{(id.Contains(',', StringComparison.Ordinal) ? $"\"{id}\"" : id)},{assigner.ArmName(assigner.Assign(id).Arm)},{assigner.Assign(id).Bucket}"), lines.Skip(1));
    }

    [Fact]
    public void Assign_UnitsFileWithEmptyLine_ExitsTwoAndWritesNothing()
    {
        var units = Path.Combine(folder, "units.txt");
        File.WriteAllText(units, "customer-1\n\ncustomer-2\n");
        var csv = Path.Combine(folder, "arms.csv");
        var (code, output, error) = Run("assign", BriefPath, "--units-file", units, "--out", csv);
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal("error: units.txt:2: empty unit id", error.Trim());
        Assert.False(File.Exists(csv));
        Assert.False(File.Exists(csv + ".tmp"));
    }
}
