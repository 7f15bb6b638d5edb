using System.Text;
using Verdict.Assignment;

namespace Verdict.Cli.Commands.Briefs;

/// <summary>
/// Assigns one unit id per line and writes CSV <c>unit,arm,bucket</c>. The file is checked in a first pass so that a
/// bad line yields one error and no output.
/// </summary>
internal static class UnitsFile
{
    private const int BufferSize = 1 << 16;

    public static long Assign(ExperimentAssigner assigner, string path, TextWriter output)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"units file not found: {path}");
        }

        Validate(path);
        var armNames = assigner.Slots.Select(s => Csv(s.Name)).ToArray();
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        output.Write("unit,arm,bucket\n");
        Span<char> number = stackalloc char[8];
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 && reader.EndOfStream)
            {
                break;
            }

            var result = assigner.Assign(line);
            if (line.AsSpan().IndexOfAny(",\"\n") >= 0)
            {
                output.Write(Csv(line));
            }
            else
            {
                output.Write(line);
            }

            output.Write(',');
            if (result.Arm >= 0)
            {
                output.Write(armNames[result.Arm]);
            }

            output.Write(',');
            result.Bucket.TryFormat(number, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            output.Write(number[..written]);
            output.Write('\n');
            count++;
        }

        output.Flush();
        return count;
    }

    private static void Validate(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 && !reader.EndOfStream)
            {
                throw new CliException($"{Path.GetFileName(path)}:{number}: empty unit id");
            }
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
