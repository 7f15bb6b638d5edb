using Verdict.Experiments.Validation;
using Verdict.Experiments.Yaml;

namespace Verdict.Cli.Commands.Briefs;

/// <summary>Loads a brief for a command, turning every validation error into one <see cref="CliException"/>.</summary>
internal static class BriefInput
{
    public static BriefLoadResult Load(string path, double? dailyUnits = null)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a directory; give the brief file (brief.yaml)");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"brief not found: {path}");
        }

        var result = BriefLoader.LoadFile(path, dailyUnits);
        if (!result.IsValid)
        {
            var errors = result.Errors.ToList();
            throw new CliException(
                $"{Path.GetFileName(path)} has {errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}:\n" + string.Join("\n", errors.Select(e => "  " + e)));
        }

        return result;
    }
}
