using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed class UploadTests
{
    private const string Accounts = "Your latest accounts or a budget";

    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();

    private sealed record Upload(GrantsHubFactory App, HttpClient Client, int ApplicationId, int SectionId, string Field) : IAsyncDisposable
    {
        public Task<HttpResponseMessage> SendAsync(string fileName, byte[] content) =>
            Client.SaveSectionAsync(ApplicationId, SectionId, [("Then", "return")], null, (Field, fileName, content));

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }

    private static async Task<Upload> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var app = new GrantsHubFactory(settings);
        var roundId = await app.RoundIdAsync();
        var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, await app.OrganisationIdAsync());
        var questionId = await app.QuestionIdAsync(roundId, Accounts);
        var sectionId = await app.WithDbAsync(db => db.Questions.Where(q => q.Id == questionId).Select(q => q.SectionId).SingleAsync());
        return new Upload(app, client, applicationId, sectionId, $"q{questionId}");
    }

    [Theory]
    [InlineData("Disk")]
    [InlineData("Database")]
    public async Task An_allowed_file_is_stored_and_downloaded_by_members_as_an_attachment_with_its_type(string store)
    {
        await using var upload = await StartAsync(new Dictionary<string, string?> { ["Files:Store"] = store });

        var response = await upload.SendAsync(@"C:\Users\sam\Accounts 2025.pdf", Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = await upload.App.WithDbAsync(db => db.Attachments.SingleAsync(a => a.ApplicationId == upload.ApplicationId));
        Assert.Equal("Accounts 2025.pdf", attachment.FileName);
        Assert.Equal(Pdf.Length, attachment.Length);
        Assert.Equal(store == "Database", await upload.App.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Key == attachment.StorageKey)));
        var page = await upload.Client.GetDocumentAsync($"/applications/{upload.ApplicationId}/sections/{upload.SectionId}");
        var link = page.QuerySelector("a[href*='/attachments/']")!;
        Assert.Equal("Accounts 2025.pdf", link.TextContent);

        var download = await upload.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Accounts 2025.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Staff_of_the_rounds_funder_may_download_but_an_assessor_without_access_gets_404()
    {
        await using var upload = await StartAsync();
        await upload.SendAsync("budget.pdf", Pdf);
        var id = await upload.App.WithDbAsync(db => db.Attachments.Where(a => a.ApplicationId == upload.ApplicationId).Select(a => a.Id).SingleAsync());
        var url = new Uri($"/applications/{upload.ApplicationId}/attachments/{id}", UriKind.Relative);

        using var funder = await upload.App.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(url)).StatusCode);
        using var assessor = await upload.App.SignedInAsync(DemoDataSeeder.Assessor1Email);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync(url)).StatusCode);
        using var anonymous = upload.App.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
    }

    /// <summary>Files in the disk store; the demo data already holds a signed partnership agreement.</summary>
    private static List<string> StoredFiles(GrantsHubFactory app)
    {
        var folder = Path.Combine(app.Directory, "data", "files");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }

    // A content is named, not carried, in the theory data: xUnit serialises theory data at discovery,
    // and a 10 MB byte array cost minutes there on every run.
    public static byte[] ContentOf(string name) => name switch
    {
        "pdf" => Pdf,
        "exe-as-pdf" => [0x4D, 0x5A, 0x90, 0x00, 0x03],
        "jpeg-as-png" => [0xFF, 0xD8, 0xFF, 0xE0],
        "binary-as-csv" => [0x61, 0x00, 0x62],
        "pdf-over-10-mb" => [.. Pdf, .. new byte[10 * 1024 * 1024]],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test content."),
    };

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "setup.exe", "pdf", "The selected file must be a PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), CSV, PNG or JPEG" },
        { "budget.pdf", "exe-as-pdf", "The selected file is not a real PDF file. Check the file and upload it again" },
        { "photo.png", "jpeg-as-png", "The selected file is not a real PNG file. Check the file and upload it again" },
        { "accounts.csv", "binary-as-csv", "The selected file is not a real CSV file. Check the file and upload it again" },
        { "huge.pdf", "pdf-over-10-mb", "The selected file must be smaller than 10 MB" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_is_explained_beside_the_field_and_nothing_is_stored(string fileName, string content, string message)
    {
        await using var upload = await StartAsync();
        var filesBefore = StoredFiles(upload.App);

        var response = await upload.SendAsync(fileName, ContentOf(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError(upload.Field));
        Assert.Equal([message], page.ErrorSummary());
        Assert.False(await upload.App.WithDbAsync(db => db.Attachments.AnyAsync()));
        Assert.Equal(filesBefore, StoredFiles(upload.App));
    }

    [Fact]
    public async Task A_new_upload_replaces_the_previous_file_of_the_question()
    {
        await using var upload = await StartAsync();
        var demoFiles = StoredFiles(upload.App);
        await upload.SendAsync("first.pdf", Pdf);
        await upload.SendAsync("second.csv", "Item,Cost\nRoom hire,1200\n"u8.ToArray());

        var files = await upload.App.WithDbAsync(db => db.Attachments.Select(a => a.FileName).ToListAsync());
        Assert.Equal(["second.csv"], files);
        Assert.Single(StoredFiles(upload.App).Except(demoFiles));
    }
}
