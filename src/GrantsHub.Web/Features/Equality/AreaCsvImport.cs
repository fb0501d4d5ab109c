using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using GrantsHub.Domain.Areas;

namespace GrantsHub.Web.Features.Equality;

public sealed record AreaImportResult(IReadOnlyList<Area> Areas, IReadOnlyList<string> Errors);

/// <summary>
/// Reads the area reference CSV. Format (a header row, then one area a row):
/// <c>code,name,region,decile</c> — the ONS local authority code (e.g. E08000021), its name, its
/// region, and its Index of Multiple Deprivation decile from 1 (most deprived) to 10. Every bad row
/// is reported with its row number; a file with any error imports nothing.
/// </summary>
public static partial class AreaCsvImport
{
    public const int MaximumRows = 1000;
    private static readonly string[] Columns = ["code", "name", "region", "decile"];

    public static AreaImportResult Parse(Stream csv)
    {
        var errors = new List<string>();
        var areas = new List<Area>();
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
        var headers = (reader.Headers ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList();
        if (headers.Count == 0)
        {
            return new AreaImportResult([], ["The file is empty. It needs a header row: code,name,region,decile"]);
        }

        var missing = Columns.Except(headers).ToList();
        if (missing.Count > 0)
        {
            return new AreaImportResult([], [$"The header row must have the columns code,name,region,decile; {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing"]);
        }

        var index = Columns.ToDictionary(c => c, c => headers.IndexOf(c));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var row = 1;
        while (reader.Read())
        {
            row++;
            if (row > MaximumRows + 1)
            {
                errors.Add($"The file has more than {MaximumRows} areas; split it into smaller files");
                break;
            }

            string Field(string column) => reader.GetString(index[column])?.Trim() ?? "";
            var code = Field("code").ToUpperInvariant();
            var name = Field("name");
            var region = Field("region");
            var decileText = Field("decile");
            var rowErrors = new List<string>();
            if (!LocalAuthorityCode().IsMatch(code))
            {
                rowErrors.Add($"code \"{code}\" is not a local authority code like E08000021");
            }
            else if (!seen.Add(code))
            {
                rowErrors.Add($"code {code} appears more than once");
            }

            if (name.Length is 0 or > 120)
            {
                rowErrors.Add("name must be 1 to 120 characters");
            }

            if (region.Length is 0 or > 120)
            {
                rowErrors.Add("region must be 1 to 120 characters");
            }

            if (!int.TryParse(decileText, NumberStyles.None, CultureInfo.InvariantCulture, out var decile) || decile is < 1 or > 10)
            {
                rowErrors.Add($"decile \"{decileText}\" must be a whole number from 1 to 10");
            }

            if (rowErrors.Count > 0)
            {
                errors.Add($"Row {row}: {string.Join("; ", rowErrors)}");
            }
            else
            {
                areas.Add(new Area { Code = code, Name = name, Region = region, DeprivationDecile = decile });
            }
        }

        if (errors.Count == 0 && areas.Count == 0)
        {
            errors.Add("The file has a header row but no areas");
        }

        return new AreaImportResult(errors.Count == 0 ? areas : [], errors);
    }

    /// <summary>ONS codes for English, Welsh, Scottish and Northern Irish local authorities.</summary>
    [GeneratedRegex("^(E06|E07|E08|E09|E10|W06|S12|N09)[0-9]{6}$")]
    private static partial Regex LocalAuthorityCode();
}
