using System.IO.Compression;
using System.Text;
using GrantsHub.Infrastructure.Files;

namespace GrantsHub.UnitTests.Infrastructure;

public sealed class UploadRulesTests
{
    public static byte[] PdfBytes => "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    public static byte[] PngBytes => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] JpegBytes => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];

    public static byte[] Zip(string? mimetype, string entry = "content.xml")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (mimetype is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open(), Encoding.ASCII);
                writer.Write(mimetype);
            }

            using var body = new StreamWriter(zip.CreateEntry(entry).Open());
            body.Write("<xml/>");
        }

        return stream.ToArray();
    }

    public static TheoryData<string, byte[]> GoodFiles() => new()
    {
        { "accounts.pdf", PdfBytes },
        { "logo.png", PngBytes },
        { "photo.jpg", JpegBytes },
        { "photo.JPEG", JpegBytes },
        { "budget.xlsx", Zip(null, "xl/workbook.xml") },
        { "plan.docx", Zip(null, "word/document.xml") },
        { "plan.odt", Zip("application/vnd.oasis.opendocument.text") },
        { "budget.ods", Zip("application/vnd.oasis.opendocument.spreadsheet") },
        { "figures.csv", Encoding.UTF8.GetBytes("Month,People\nJanuary,42\nFebruary,57 – café\n") },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Allowed_types_whose_content_matches_are_accepted(string name, byte[] content) =>
        Assert.Null(UploadRules.Problem(name, content));

    [Theory]
    [InlineData("virus.exe")]
    [InlineData("macro.docm")]
    [InlineData("page.html")]
    [InlineData("noextension")]
    public void Other_extensions_are_refused(string name) =>
        Assert.Equal($"The selected file must be a {UploadRules.AllowedDescription}", UploadRules.Problem(name, PdfBytes));

    public static TheoryData<string, byte[]> DisguisedFiles() => new()
    {
        { "accounts.pdf", "MZ\x90\0 this is a program"u8.ToArray() },
        { "logo.png", JpegBytes },
        { "photo.jpg", PngBytes },
        { "plan.docx", PdfBytes },
        { "budget.xlsx", "Month,People\n"u8.ToArray() },
        { "plan.odt", Zip("application/vnd.oasis.opendocument.spreadsheet") },
        { "plan.odt", Zip(null) },
        { "budget.ods", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3] },
        { "figures.csv", [0x4D, 0x5A, 0x00, 0x01] },
        { "figures.csv", [0x41, 0xC3, 0x28, 0x42] },
    };

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public void Content_that_is_not_what_the_extension_says_is_refused(string name, byte[] content) =>
        Assert.StartsWith("The selected file is not a real ", UploadRules.Problem(name, content), StringComparison.Ordinal);

    [Fact]
    public void Files_over_10_MB_are_refused_and_10_MB_exactly_is_accepted()
    {
        var exactly = new byte[UploadRules.MaxBytes];
        PdfBytes.CopyTo(exactly, 0);
        var over = new byte[UploadRules.MaxBytes + 1];
        PdfBytes.CopyTo(over, 0);

        Assert.Null(UploadRules.Problem("big.pdf", exactly));
        Assert.Equal("The selected file must be smaller than 10 MB", UploadRules.Problem("big.pdf", over));
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("The selected file is empty", UploadRules.Problem("empty.csv", []));

    [Theory]
    [InlineData(@"C:\Users\sam\accounts.pdf", "accounts.pdf", "application/pdf")]
    [InlineData("../../etc/budget.ODS", "budget.ODS", "application/vnd.oasis.opendocument.spreadsheet")]
    public void Accepted_files_keep_only_their_own_name_and_get_the_type_of_their_extension(string given, string name, string type) =>
        Assert.Equal(new AcceptedUpload(name, type), UploadRules.Accept(given));
}
