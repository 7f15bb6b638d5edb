using BenchmarkDotNet.Attributes;
using Verdict.AI.Feedback;

namespace Verdict.Benchmarks.Proxies;

/// <summary>
/// The edit distance <c>TrackAnswerEdit</c> computes on the caller's thread (docs/events.md, "Quality proxy events"):
/// a 1 500-character answer sent unchanged, with a local edit (the common prefix and suffix are skipped), and fully
/// rewritten (the whole 1 500 × 1 500 programme, the worst case for that length).
/// </summary>
[MemoryDiagnoser]
public class EditDistanceBenchmarks
{
    private string answer = string.Empty;
    private string locallyEdited = string.Empty;
    private string rewritten = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        const string Alphabet = "abcdefghij klmnopqrst,.";
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
        answer = Text(1500);
        locallyEdited = answer[..700] + "a sentence the user typed" + answer[710..];
        rewritten = Text(1500);
    }

    [Benchmark(Baseline = true)]
    public int Unchanged() => EditDistance.Levenshtein(answer, answer);

    [Benchmark]
    public int LocalEdit() => EditDistance.Levenshtein(answer, locallyEdited);

    [Benchmark]
    public int FullRewrite() => EditDistance.Levenshtein(answer, rewritten);
}
