using System.Text;

namespace SecureRelay.Policy.Stores;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes) with bounded record size and count.</summary>
internal static class CsvReader
{
    public const int MaxRecordChars = 8192;
    public const int MaxRecords = 1_000_000;

    /// <summary>Records with their 1-based starting line numbers.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var line = 0;
        var records = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var chars = 0;
            while (true)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    if (++chars > MaxRecordChars)
                    {
                        throw new FormatException($"line {start}: record longer than {MaxRecordChars} characters");
                    }

                    var c = text[i];
                    if (quoted)
                    {
                        if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else if (c == '"')
                        {
                            quoted = false;
                        }
                        else
                        {
                            field.Append(c);
                        }
                    }
                    else if (c == '"' && field.Length == 0)
                    {
                        quoted = true;
                    }
                    else if (c == ',')
                    {
                        fields.Add(field.ToString().Trim());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(c);
                    }
                }

                if (!quoted)
                {
                    break;
                }

                text = reader.ReadLine() ?? throw new FormatException($"line {start}: unterminated quoted field");
                line++;
                field.Append('\n');
            }

            fields.Add(field.ToString().Trim());
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (++records > MaxRecords)
            {
                throw new FormatException($"line {start}: more than {MaxRecords} records");
            }

            yield return (start, fields);
        }
    }
}
