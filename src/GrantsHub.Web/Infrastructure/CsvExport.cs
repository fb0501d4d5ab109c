using System.Text;
using CsvHelper;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// CSV downloads: a header row and string cells, UTF-8 with a byte-order mark so spreadsheets read
/// accents right, and cells a spreadsheet would run as formulas escaped (applicants write some text).
/// </summary>
public static class CsvExport
{
    public static byte[] Build(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(headers.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(cell => cell ?? "").ToArray());
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }
}
