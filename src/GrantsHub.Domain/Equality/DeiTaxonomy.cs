using System.Text;

namespace GrantsHub.Domain.Equality;

public sealed record DeiCode(string Code, string Title, string Description)
{
    /// <summary>Top-level population groups end in 0000 (e.g. DEI020000 Disabled people).</summary>
    public bool IsGroup => Code.EndsWith("0000", StringComparison.Ordinal);

    /// <summary>The population group a code belongs to, e.g. DEI020200 → DEI020000.</summary>
    public string GroupCode => Code[..5] + "0000";
}

/// <summary>The 360Giving DEI taxonomy codelist (CC BY 4.0), shipped inside this assembly.</summary>
public static class DeiTaxonomy
{
    private static readonly Lazy<IReadOnlyList<DeiCode>> Codes = new(Load);

    public static IReadOnlyList<DeiCode> All => Codes.Value;

    public static DeiCode? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    public static bool IsKnown(string code) => Find(code) is not null;

    public static string TitleOf(string code) => Find(code)?.Title ?? code;

    /// <summary>
    /// Whether <paramref name="broader"/> includes <paramref name="specific"/>: a code covers itself and,
    /// digit pairs ending in 00 being "all of", its sub-codes (DEI020000 covers DEI020200).
    /// </summary>
    public static bool Covers(string broader, string specific) => specific.StartsWith(CoveredPrefix(broader), StringComparison.Ordinal);

    /// <summary>The prefix every code that <paramref name="code"/> covers starts with: DEI020000 → DEI02.</summary>
    public static string CoveredPrefix(string code)
    {
        var prefix = code;
        while (prefix.Length > 5 && prefix.EndsWith("00", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }

        return prefix;
    }

    private static List<DeiCode> Load()
    {
        using var stream = typeof(DeiTaxonomy).Assembly.GetManifestResourceStream("GrantsHub.Domain.Equality.dei-taxonomy-codes.csv")
            ?? throw new InvalidOperationException("The DEI taxonomy codelist is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine(); // header
        var codes = new List<DeiCode>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = ParseCsvLine(line);
            codes.Add(new DeiCode(fields[0], fields[1], fields.Count > 2 ? fields[2] : ""));
        }

        return codes;
    }

    /// <summary>Enough CSV for this file: quoted fields, doubled quotes inside them.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
            else if (c == '"')
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

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
