using System.Text.Json;

namespace Verdict.Experiments.Locking;

/// <summary>Reads and writes <c>&lt;brief&gt;.lock.json</c> beside a brief.</summary>
public static class BriefLockFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The lock path for a brief path: <c>brief.yaml</c> → <c>brief.lock.json</c>.</summary>
    public static string PathFor(string briefPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(briefPath);
        return Path.ChangeExtension(briefPath, ".lock.json");
    }

    /// <summary>The lock at <paramref name="path"/>, or null when there is none. Throws <see cref="InvalidDataException"/> on a damaged lock.</summary>
    public static BriefLock? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BriefLock>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: the lock is empty");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a brief lock ({exception.Message})", exception);
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, BriefLock value) =>
        File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
