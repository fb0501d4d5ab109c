using System.IO.Compression;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.PersonalData;

[Collection(BrowserJourneysCollection.Name)]
public sealed class DownloadMyDataJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task An_applicant_reads_their_organisations_history_and_downloads_their_data_as_a_zip()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, DemoDataSeeder.ApplicantEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"History of {DemoDataSeeder.ApplicantOrganisation}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Download your data");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download your data (zip)" }).ClickAsync());

        Assert.Matches(@"^grantshub-my-data-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);
        var path = Path.Combine(ScreenshotDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var zip = ZipFile.OpenRead(path);
        await using var scope = App.Services.CreateAsyncScope();
        var organisationId = await scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>().Organisations
            .Where(o => o.Name == DemoDataSeeder.ApplicantOrganisation).Select(o => o.Id).SingleAsync();
        using var reader = new StreamReader(zip.GetEntry($"organisation-{organisationId}/organisation.json")!.Open());
        var json = await reader.ReadToEndAsync();
        Assert.Contains($"\"name\": \"{DemoDataSeeder.ApplicantOrganisation}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tyne Peer Support Network", json, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("you.json"));
    }
}
