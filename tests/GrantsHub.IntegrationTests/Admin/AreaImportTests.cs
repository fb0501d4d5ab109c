using System.Net;
using System.Net.Http.Headers;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Admin;

public sealed class AreaImportTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content)
    {
        var page = await client.GetDocumentAsync("/funder/areas");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form[action='/funder/areas/import'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync(new Uri("/funder/areas/import", UriKind.Relative), form);
    }

    [Fact]
    public async Task A_funder_imports_areas_adding_new_ones_and_updating_deciles()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var response = await UploadAsync(client, "areas.csv", "code,name,region,decile\nE08000021,Newcastle upon Tyne,North East,4\nE06000005,Darlington,North East,4\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/funder/areas");
        Assert.Contains("Imported 2 areas: 1 new, 1 changed, 0 unchanged.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var deciles = await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "E08000021" || a.Code == "E06000005").OrderBy(a => a.Code).Select(a => a.DeprivationDecile).ToListAsync());
        Assert.Equal([4, 4], deciles);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == "areas.imported")));
    }

    [Fact]
    public async Task A_new_area_is_in_the_application_filter_straight_after_the_import()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Programme!.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var list = $"/funder/rounds/{roundId}/applications";
        static List<string> AreaOptions(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("select#Area option").Select(o => o.TextContent.Trim())];
        Assert.DoesNotContain("Hartlepool", AreaOptions(await client.GetDocumentAsync(list))); // the list is now kept

        await UploadAsync(client, "areas.csv", "code,name,region,decile\nE06000001,Hartlepool,North East,1\n");

        Assert.Contains("Hartlepool", AreaOptions(await client.GetDocumentAsync(list)));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_with_each_row_explained()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var response = await UploadAsync(client, "areas.csv", "code,name,region,decile\nE08000023,South Tyneside,North East,9\nE0800002,Bad,North East,0\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Nothing was imported: the file has 1 problem, listed below", page.FieldError("File"));
        Assert.Contains("Row 3: code \"E0800002\" is not a local authority code like E08000021", page.QuerySelector("#import-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "E08000023").Select(a => a.DeprivationDecile).SingleAsync()));
    }

    [Fact]
    public async Task Only_csv_files_are_accepted()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var response = await UploadAsync(client, "areas.xlsx", "code,name,region,decile\n");
        Assert.Equal("The file must be a CSV file (.csv)", (await response.ReadDocumentAsync()).FieldError("File"));
    }
}
