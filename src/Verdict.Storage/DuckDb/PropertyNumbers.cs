using System.Data.Common;
using System.Globalization;
using Verdict.Storage.Dialects;
using Verdict.Storage.Sql;

namespace Verdict.Storage.DuckDb;

/// <summary>
/// The number column of a property text (<c>p{n}_num</c>) computed in .NET for a load that appends straight into the
/// events table, equal to what the merge's SQL computes (<see cref="SqlDialect.TryCastDouble"/>: DuckDB's
/// <c>TRY_CAST(text AS DOUBLE)</c>, NULL unless finite). A plain decimal (<c>-?digits[.digits]</c>) is parsed here: both
/// .NET and DuckDB (fast_float) round it correctly, so they agree. Every other text is asked of DuckDB itself, once per
/// distinct text, and the answer kept in a bounded cache (categorical properties repeat).
/// </summary>
internal sealed class PropertyNumbers
{
    private const int MaxCached = 65_536;
    private const int PerQuery = 200;
    private readonly Dictionary<string, double?> cached = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/>'s number is known without asking DuckDB.</summary>
    public bool TryGet(string text, out double? number)
    {
        if (IsPlainDecimal(text))
        {
            var parsed = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            number = double.IsFinite(parsed) ? parsed : null;
            return true;
        }

        return cached.TryGetValue(text, out number);
    }

    /// <summary>The number of <paramref name="text"/>; after <see cref="Resolve"/> for every text of the load.</summary>
    public double? Of(string text) => TryGet(text, out var number) ? number : throw new InvalidOperationException("property number not resolved: " + text);

    /// <summary>Asks DuckDB for the numbers of <paramref name="texts"/> (those <see cref="TryGet"/> does not know), in a few queries.</summary>
    public void Resolve(EventStore store, DbTransaction transaction, IReadOnlyCollection<string> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }

        if (cached.Count + texts.Count > MaxCached)
        {
            cached.Clear();
        }

        foreach (var chunk in texts.Chunk(PerQuery))
        {
            var p = new SqlParameters(store.Dialect);
            var casts = string.Join(", ", chunk.Select(t => store.Dialect.TryCastDouble(p.Add(t))));
            using var command = store.Command("SELECT " + casts, p.Values, transaction);
            using var reader = command.ExecuteReader();
            reader.Read();
            for (var i = 0; i < chunk.Length; i++)
            {
                cached[chunk[i]] = reader.IsDBNull(i) ? null : reader.GetDouble(i);
            }
        }
    }

    /// <summary><c>-?[0-9]+(\.[0-9]+)?</c>, at most 24 characters.</summary>
    internal static bool IsPlainDecimal(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 24)
        {
            return false;
        }

        var i = text[0] == '-' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            (i, digits) = (i + 1, digits + 1);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] != '.' || i + 1 == text.Length)
        {
            return false;
        }

        return !text[(i + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}
