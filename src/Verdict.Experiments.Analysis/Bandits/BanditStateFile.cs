using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>Reads and writes a <see cref="BanditState"/> as JSON with snake_case fields (docs/bandits.md, "State file").</summary>
public static class BanditStateFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Loads and checks a state file; a malformed one throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static BanditState Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        BanditState? state;
        try
        {
            state = JsonSerializer.Deserialize<BanditState>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a bandit state file: {e.Message}", e);
        }

        if (state is null || state.Periods is null || state.Periods.Count == 0)
        {
            throw new InvalidDataException($"{path}: a bandit state needs at least one period");
        }

        try
        {
            _ = state.ToSchedule();
            state.ToThompsonOptions(0).Validate(state.Arms.Count);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        return state;
    }

    /// <summary>Writes the state (replacing the file atomically).</summary>
    public static void Save(BanditState state, string path)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Options) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
