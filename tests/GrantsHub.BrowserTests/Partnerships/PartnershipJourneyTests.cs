using System.Text;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Partnerships;

[Collection(BrowserJourneysCollection.Name)]
public sealed class PartnershipJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Applicant_creates_a_three_party_agreement_uploads_the_signed_copy_and_the_funder_sees_it_on_the_map()
    {
        var title = $"Community crisis café {DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture)}";
        var page = await NewPageAsync();
        await SignInAsync(page, DemoDataSeeder.ApplicantEmail);
        await page.GotoAsync("/organisation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Partnership agreements" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partnership agreements");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New partnership agreement" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Purpose").FillAsync("An evening crisis café run with peer supporters and the local NHS crisis team.");
        await page.GetByLabel("Starts on").FillAsync("2026-12-01");
        await page.GetByLabel("Ends on").FillAsync("2028-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Who is the partner?").SelectOptionAsync(new SelectOptionValue { Label = "An organisation on GrantsHub" });
        await page.GetByLabel("Organisation on GrantsHub").SelectOptionAsync(new SelectOptionValue { Label = "Tyne Peer Support Network" });
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Peer supporters");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the partner" }).ClickAsync();
        await Expect(page.Locator("#parties")).ToContainTextAsync("Tyne Peer Support Network");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Who is the partner?").SelectOptionAsync(new SelectOptionValue { Label = "NHS trust" });
        await page.GetByLabel("Name of the body").FillAsync("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust");
        await page.GetByLabel("Contact name").FillAsync("Crisis team manager");
        await page.GetByLabel("Contact email").FillAsync("crisis@cntw.example");
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Clinical partner");
        await page.GetByLabel("Responsibilities").FillAsync("A crisis nurse at every café evening.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the partner" }).ClickAsync();
        await Expect(page.Locator("#parties tbody tr")).ToHaveCountAsync(2);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Signed copy", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "crisis-cafe-signed.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% signed\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.Locator("[data-signed-copy]")).ToHaveTextAsync("crisis-cafe-signed.pdf");
        await page.GetByLabel("Award").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Link the award" }).ClickAsync();
        await Expect(page.Locator("#linked-awards")).ToContainTextAsync("AW-");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as signed" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".status-badge")).ToHaveTextAsync("Signed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "partnership-agreement-signed");
        await SignOutAsync(page);

        await SignInAsync(page, DemoDataSeeder.FunderEmail);
        await page.GotoAsync("/funder");
        // The dashboard shows a programme's latest rounds and links to all of them.
        await page.GetByRole(AriaRole.Link, new() { Name = "All 7 rounds of Community Mental Health Equality Fund" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community Mental Health Equality Fund");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Equality Fund 2024");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "funder-programme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Funder dashboard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Partnership map" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partnership map");
        var newcastle = page.Locator("[data-area='E08000021']");
        await Expect(newcastle.GetByRole(AriaRole.Table)).ToContainTextAsync(title);
        await Expect(newcastle.GetByRole(AriaRole.Table)).ToContainTextAsync("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust");
        await Expect(newcastle.Locator("svg[role=img] g.map-node-external")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("[data-area='E06000047'] [data-gap]")).ToHaveTextAsync("Gap: funded organisations without partnerships");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "partnership-map");

        // The area's own page (the map links to it when an area has more partnerships than it shows).
        await page.GotoAsync("/funder/partnerships/areas/E08000021");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partnerships led from Newcastle upon Tyne");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync(title);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "partnership-area");
        await page.GetByRole(AriaRole.Link, new() { Name = "Partnership map" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partnership map");

        await newcastle.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(page.Locator("[data-signed-copy]")).ToHaveTextAsync("crisis-cafe-signed.pdf");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
