using System.IO.Compression;
using System.Text;

namespace GrantsHub.Infrastructure.Files;

/// <summary>An upload that passed the checks, with the content type it will be served as.</summary>
public sealed record AcceptedUpload(string FileName, string ContentType);

/// <summary>
/// What may be uploaded with an application: a short list of document and image types, at most
/// 10 MB each, whose content really is what the extension says. The checks read the bytes, never
/// the browser's claimed content type.
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string AllowedDescription = "PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), CSV, PNG or JPEG";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".csv"] = "text/csv",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>An error message for the person uploading, or null when the file is acceptable.</summary>
    public static string? Problem(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (!ContentTypes.ContainsKey(extension))
        {
            return $"The selected file must be a {AllowedDescription}";
        }

        if (content.Length == 0)
        {
            return "The selected file is empty";
        }

        if (content.Length > MaxBytes)
        {
            return "The selected file must be smaller than 10 MB";
        }

        return ContentMatches(extension.ToLowerInvariant(), content)
            ? null
            : $"The selected file is not a real {extension.TrimStart('.').ToUpperInvariant()} file. Check the file and upload it again";
    }

    public static AcceptedUpload Accept(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.Length > 255)
        {
            name = name[^255..];
        }

        return new AcceptedUpload(name, ContentTypes[Path.GetExtension(name)]);
    }

    private static bool ContentMatches(string extension, ReadOnlySpan<byte> content) => extension switch
    {
        ".pdf" => content.StartsWith(Pdf),
        ".png" => content.StartsWith(Png),
        ".jpg" or ".jpeg" => content.StartsWith(Jpeg),
        ".docx" or ".xlsx" => content.StartsWith(Zip),
        ".odt" => content.StartsWith(Zip) && OpenDocumentMimeType(content) == ContentTypes[".odt"],
        ".ods" => content.StartsWith(Zip) && OpenDocumentMimeType(content) == ContentTypes[".ods"],
        ".csv" => IsUtf8TextWithoutNul(content),
        _ => false,
    };

    /// <summary>An OpenDocument file is a ZIP whose <c>mimetype</c> entry names its kind.</summary>
    private static string? OpenDocumentMimeType(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            var entry = zip.GetEntry("mimetype");
            if (entry is null || entry.Length > 200)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsUtf8TextWithoutNul(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
