using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verdict.Experiments.Yaml;

/// <summary>
/// The bounds every YAML file Verdict reads must keep (briefs, metrics files, arena specs), checked before a tree is
/// built: at most <see cref="MaxBytes"/> of strict UTF-8, nesting at most <see cref="MaxDepth"/> deep, at most
/// <see cref="MaxAliases"/> aliases, and at most <see cref="MaxExpandedCharacters"/> characters once aliases are expanded (the
/// "billion laughs" bound). A file outside them is refused with <see cref="InvalidDataException"/> naming why.
/// </summary>
public static class YamlInput
{
    /// <summary>The largest file read: a brief or an arena spec is a few kilobytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and lists.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most aliases (<c>*name</c>) in one file.</summary>
    public const int MaxAliases = 1_000;

    /// <summary>The most characters the document may stand for once every alias is expanded.</summary>
    public const int MaxExpandedCharacters = 4 * MaxBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 within <see cref="MaxBytes"/>, then checks <see cref="Check"/>.</summary>
    /// <exception cref="InvalidDataException">The file is too large, not UTF-8, or outside the bounds.</exception>
    /// <exception cref="FileNotFoundException">There is no such file (a directory is named as such).</exception>
    public static string ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path} is a directory, not a YAML file");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InvalidDataException($"{path}: {length.ToString("N0", CultureInfo.InvariantCulture)} bytes is larger than the {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes a YAML file may have");
        }

        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: not UTF-8 text (invalid byte at offset {e.Index.ToString(CultureInfo.InvariantCulture)}); save the file as UTF-8", e);
        }

        Check(text, path);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>Checks <paramref name="yaml"/> against the size, depth and alias bounds without building a tree.</summary>
    /// <exception cref="InvalidDataException">A bound is exceeded; the message names the bound and the line.</exception>
    public static void Check(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxBytes)
        {
            throw new InvalidDataException($"{source}: larger than the {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes a YAML file may have");
        }

        var parser = new Parser(new StringReader(yaml));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long StartIndex, long ExtraAtStart)>();
        long extra = 0;
        var aliases = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var line = current.Start.Line;
                switch (current)
                {
                    case AnchorAlias alias:
                        if (++aliases > MaxAliases)
                        {
                            throw Refuse(source, line, $"using more than {MaxAliases} aliases");
                        }

                        extra += sizes.GetValueOrDefault(alias.Value.Value);
                        break;
                    case Scalar scalar when !scalar.Anchor.IsEmpty:
                        sizes[scalar.Anchor.Value] = scalar.End.Index - scalar.Start.Index;
                        break;
                    case NodeEvent start when start is MappingStart or SequenceStart:
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, start.Start.Index, extra));
                        if (open.Count > MaxDepth)
                        {
                            throw Refuse(source, line, $"nested more than {MaxDepth} levels deep");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, startIndex, extraAtStart) = open.Pop();
                        if (anchor is not null)
                        {
                            sizes[anchor] = current.End.Index - startIndex + (extra - extraAtStart);
                        }

                        break;
                }

                if (yaml.Length + extra > MaxExpandedCharacters)
                {
                    throw Refuse(source, line, $"more than {MaxExpandedCharacters:N0} characters once its aliases are expanded");
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are reported with their line by the reader that builds the tree.
        }
    }

    private static InvalidDataException Refuse(string source, long line, string why) =>
        new($"{source}: line {line.ToString(CultureInfo.InvariantCulture)}: the YAML is {why}; Verdict refuses it to bound memory");
}
