using System.Text;

namespace Verdict.AI.Feedback;

/// <summary>
/// Levenshtein distance between two texts over Unicode code points (a character outside the BMP is one symbol, not two
/// UTF-16 units): the fewest single-symbol insertions, deletions and substitutions turning one into the other
/// (Levenshtein, 1966; the two-row dynamic programme of Wagner and Fischer, JACM 21(1), 1974).
/// </summary>
public static class EditDistance
{
    /// <summary>
    /// The distance between <paramref name="answer"/> and <paramref name="final"/>. The common prefix and suffix are
    /// skipped first, so a local edit of a long answer costs little; the rest takes time proportional to the product of
    /// the two differing middles' lengths and memory proportional to the shorter one.
    /// </summary>
    public static int Levenshtein(string answer, string final)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(final);
        var a = CodePoints(answer);
        var b = CodePoints(final);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var longer = endA - start >= endB - start;
        ReadOnlySpan<int> x = longer ? a.AsSpan(start, endA - start) : b.AsSpan(start, endB - start);
        ReadOnlySpan<int> y = longer ? b.AsSpan(start, endB - start) : a.AsSpan(start, endA - start);

        if (y.Length == 0)
        {
            return x.Length;
        }

        // previous[j] = distance(x[..i-1], y[..j]); current[j] = distance(x[..i], y[..j]).
        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (var j = 0; j <= y.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                var substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[y.Length];
    }

    /// <summary>The number of Unicode code points in <paramref name="text"/> (a lone surrogate counts as one).</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CodePoints(text).Length;
    }

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            // A lone surrogate decodes to U+FFFD with one unit consumed; the SDK never refuses a user's text.
            Rune.DecodeFromUtf16(span, out var rune, out var consumed);
            points.Add(consumed == 1 && char.IsSurrogate(span[0]) ? span[0] : rune.Value);
            span = span[consumed..];
        }

        return [.. points];
    }
}
