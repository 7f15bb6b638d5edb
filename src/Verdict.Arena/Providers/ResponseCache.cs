using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Verdict.Arena;

/// <summary>
/// An on-disk, content-addressed cache of model, judge and embedding calls. The key is the SHA-256 of a canonical
/// JSON of the full request (provider, endpoint, model, messages, options), so a re-run with the same arena makes no
/// calls and reads the very replies, token counts and latencies recorded the first time. Entries are written
/// atomically (temp file, then move), so concurrent runs never see half an entry.
/// </summary>
public sealed class ResponseCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> createdDirectories = new(StringComparer.Ordinal);

    /// <summary>Creates a cache in <paramref name="directory"/> (created on first write).</summary>
    public ResponseCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Where the entries live.</summary>
    public string Directory { get; }

    /// <summary>The key of a chat request.</summary>
    public static string ChatKey(string provider, string endpoint, IEnumerable<ChatMessage> messages, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        return Hash(writer =>
        {
            writer.WriteString("kind", "chat");
            writer.WriteString("provider", provider);
            writer.WriteString("endpoint", endpoint);
            writer.WriteString("model", options.ModelId);
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role.Value);
                writer.WriteString("text", message.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("options");
            WriteNumber(writer, "temperature", options.Temperature);
            WriteNumber(writer, "top_p", options.TopP);
            WriteNumber(writer, "max_output_tokens", options.MaxOutputTokens);
            WriteNumber(writer, "seed", options.Seed);
            writer.WriteString("response_format", options.ResponseFormat switch
            {
                ChatResponseFormatJson { Schema: { } schema } => "json_schema:" + schema.GetRawText(),
                ChatResponseFormatJson => "json",
                _ => "text",
            });
            writer.WriteEndObject();
        });
    }

    /// <summary>The key of an embedding request.</summary>
    public static string EmbeddingKey(string provider, string endpoint, string model, string text) => Hash(writer =>
    {
        writer.WriteString("kind", "embedding");
        writer.WriteString("provider", provider);
        writer.WriteString("endpoint", endpoint);
        writer.WriteString("model", model);
        writer.WriteString("text", text);
    });

    /// <summary>Reads an entry, or default when absent or unreadable.</summary>
    public T? TryGet<T>(string key)
        where T : class
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Writes an entry atomically.</summary>
    public void Put<T>(string key, T value)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        // Record the directory only after it exists: a concurrent Put that finds it recorded may write at once.
        if (!createdDirectories.ContainsKey(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
            createdDirectories.TryAdd(directory, true);
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(value, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v) { writer.WriteNumber(name, v); } else { writer.WriteNull(name); }
    }

    private static string Hash(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
