using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Verdict.Experiments.Events;

/// <summary>
/// A small, fixed-order, read-only property map backed by two arrays: cheaper than a dictionary for the two or three
/// properties a simulated event carries, and enumerated in the order given (so output is deterministic).
/// </summary>
internal sealed class EventProperties : IReadOnlyDictionary<string, string>
{
    public static readonly EventProperties Empty = new([], []);

    private readonly string[] keys;
    private readonly string[] values;

    public EventProperties(string[] keys, string[] values)
    {
        this.keys = keys;
        this.values = values;
    }

    public int Count => keys.Length;

    public IEnumerable<string> Keys => keys;

    public IEnumerable<string> Values => values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = Array.IndexOf(keys, key);
        value = index >= 0 ? values[index] : null;
        return index >= 0;
    }

    /// <summary>The key at <paramref name="index"/>, for enumerating without an enumerator.</summary>
    public string KeyAt(int index) => keys[index];

    /// <summary>The value at <paramref name="index"/>.</summary>
    public string ValueAt(int index) => values[index];

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new KeyValuePair<string, string>(keys[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
