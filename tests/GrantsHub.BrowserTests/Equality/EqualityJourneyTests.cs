using System.Globalization;
using System.Text.Json;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Equality;

[Collection(BrowserJourneysCollection.Name)]
public sealed class EqualityJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    private const string SuppressedLabel = "fewer than 5";

    [Fact]
    public async Task Funder_reads_the_equality_dashboard_downloads_a_table_publishes_open_data_and_the_public_reads_the_transparency_page()
    {
        var funderId = await FunderIdAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, DemoDataSeeder.FunderEmail);
        await page.GotoAsync("/funder");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // 1. The dashboard's charts are drawn under the Content-Security-Policy, each with its table beside it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Equality dashboard", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Equality dashboard");
        await page.WaitForFunctionAsync("() => window.Chart && Object.keys(Chart.instances).length > 0");
        var canvases = page.Locator("canvas[data-chart]");
        var canvasCount = await canvases.CountAsync();
        Assert.True(canvasCount > 0, "The dashboard has no charts.");
        Assert.Equal(canvasCount, await page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length"));
        var firstChart = await canvases.First.BoundingBoxAsync();
        Assert.True(firstChart is { Width: > 0, Height: > 0 }, "The first chart was not drawn.");
        await Expect(page.Locator("div.row:has(canvas[data-chart]):has(table)")).ToHaveCountAsync(await page.Locator("div.row:has(canvas[data-chart])").CountAsync());
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Applications by organisation type" })).ToBeVisibleAsync();
        var allApplications = await Headline(page, "Applications").InnerTextAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "equality-dashboard");

        // 2. The GET form narrows the figures to one round.
        await page.GetByLabel("Round", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Equality Fund 2025" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"roundId=\d+"));
        await Expect(page.Locator("p.lead strong")).ToHaveTextAsync("Equality Fund 2025");
        await Expect(Headline(page, "Applications")).ToHaveTextAsync("18");
        Assert.NotEqual("18", allApplications);
        await Expect(page.GetByLabel("Round", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Equality Fund 2025");
        await page.WaitForFunctionAsync("() => window.Chart && Object.keys(Chart.instances).length > 0");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // 2a. Every area of the round, on a page of its own (the dashboard links to it when there are more than 12), and
        // back to the dashboard for the same round.
        var roundUrl = page.Url;
        await page.GotoAsync(roundUrl.Replace("/funder/equality?", "/funder/equality/groups/area?", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Equality figures by local authority area");
        await Expect(page.Locator("p.lead strong")).ToHaveTextAsync("Equality Fund 2025");
        var areaRows = page.GetByRole(AriaRole.Table).First.Locator("tbody tr");
        Assert.True(await areaRows.CountAsync() > 1, "No areas are listed.");
        await Expect(areaRows.Filter(new() { HasText = SuppressedLabel }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the equality dashboard" }).ClickAsync();
        await Expect(page.Locator("p.lead strong")).ToHaveTextAsync("Equality Fund 2025");
        await Expect(Headline(page, "Applications")).ToHaveTextAsync("18");

        // 3. The CSV of the access tables has a header row, and small groups say "fewer than 5" instead of a count.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of every access table" }).ClickAsync());
        Assert.Equal("equality-access.csv", download.SuggestedFilename);
        var path = Path.Combine(ScreenshotDirectory, "equality-access.csv");
        await download.SaveAsAsync(path);
        var (headers, rows) = ReadCsv(path);
        Assert.Equal(["Dimension", "Group", "Applications", "Share of applications (%)"], headers);
        Assert.Contains(rows, r => r[1] == "All applications" && r[2] == "18");
        Assert.Contains(rows, r => r[2] == SuppressedLabel && r[3] == SuppressedLabel);
        Assert.All(rows, r => Assert.True(r[2] == SuppressedLabel || int.Parse(r[2], CultureInfo.InvariantCulture) >= 5, $"{r[0]}: {r[1]} shows {r[2]} applications."));

        // 4. Preview, then publish the 360Giving open data; the public file then holds the funder's grants.
        await page.GotoAsync("/funder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open data", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open data");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare a preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview, not yet published" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Grants in the preview" }).Locator("tbody th").First).ToContainTextAsync("360G-northshire-");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this data" }).ClickAsync();
        await Expect(page.GetByText("Your open data is published.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "grants.json (360Giving data package)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "open-data-published");

        var response = await page.APIRequest.GetAsync($"/funders/{funderId}/grants.json");
        Assert.Equal(200, response.Status);
        using (var package = JsonDocument.Parse(await response.TextAsync()))
        {
            var ids = package.RootElement.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
            Assert.NotEmpty(ids);
            Assert.All(ids, id => Assert.StartsWith("360G-northshire-", id, StringComparison.Ordinal));
        }

        await SignOutAsync(page);

        // 5. Anyone can find the funder in the public list and read its transparency page, with links to the open data.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/funders");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Funders");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = DemoDataSeeder.FunderName, Exact = true }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/funders/{funderId}/transparency$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{DemoDataSeeder.FunderName}: who applies and who is funded");
        var headline = visitor.Locator("section[aria-labelledby=headline]");
        await Expect(headline.Locator("xpath=.//dt[normalize-space()='Applications']/following-sibling::dd[1]")).ToHaveTextAsync(allApplications);
        await Expect(headline.Locator("xpath=.//dt[normalize-space()='Grants awarded']/following-sibling::dd[1]")).ToContainTextAsync("totalling £");
        await Expect(headline.Locator("xpath=.//dt[normalize-space()='Success rate']/following-sibling::dd[1]")).ToContainTextAsync("% of decided applications");
        await Expect(visitor.GetByRole(AriaRole.Table, new() { Name = "Applications and success rate by organisation type" })).ToBeVisibleAsync();
        var openData = visitor.Locator("section[aria-labelledby=open-data]");
        await Expect(openData.GetByRole(AriaRole.Link, new() { Name = "grants.json", Exact = true })).ToHaveAttributeAsync("href", $"/funders/{funderId}/grants.json");
        await Expect(openData.GetByRole(AriaRole.Link, new() { Name = "grants.csv", Exact = true })).ToHaveAttributeAsync("href", $"/funders/{funderId}/grants.csv");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await ScreenshotAsync(visitor, "transparency-page");

        var csv = await visitor.APIRequest.GetAsync($"/funders/{funderId}/grants.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains("360G-northshire-", await csv.TextAsync(), StringComparison.Ordinal);
    }

    private static ILocator Headline(IPage page, string term) =>
        page.Locator($"dl.equality-headline >> xpath=./dt[normalize-space()='{term}']/following-sibling::dd[1]");

    private async Task<int> FunderIdAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>().Funders
            .Where(f => f.Name == DemoDataSeeder.FunderName).Select(f => f.Id).SingleAsync();
    }

    private static (IReadOnlyList<string> Headers, List<string[]> Rows) ReadCsv(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = CsvHelper.CsvReader.Create(file, new CsvHelper.CsvReaderOptions { HasHeader = true }, leaveOpen: true);
        var headers = (reader.Headers ?? []).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, headers.Count).Select(i => reader.GetString(i) ?? "")]);
        }

        return (headers, rows);
    }
}
