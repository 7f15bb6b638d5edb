using Verdict.Storage.Dialects;

namespace Verdict.Storage.Sql;

/// <summary>Collects parameter values while SQL is built, naming them p0, p1, … in the dialect's spelling.</summary>
public sealed class SqlParameters(SqlDialect dialect)
{
    private readonly List<KeyValuePair<string, object?>> values = [];

    /// <summary>The bound values in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values => values;

    /// <summary>Binds <paramref name="value"/> and returns its placeholder.</summary>
    public string Add(object? value)
    {
        var name = "p" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values.Add(new(name, value));
        return dialect.Parameter(name);
    }

    /// <summary>Binds each value and returns "(p0, p1, …)".</summary>
    public string List(IEnumerable<object?> items) => "(" + string.Join(", ", items.Select(Add)) + ")";
}
