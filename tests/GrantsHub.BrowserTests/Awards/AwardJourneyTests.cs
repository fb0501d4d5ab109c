using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Awards;

[Collection(BrowserJourneysCollection.Name)]
public sealed class AwardJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task The_applicant_accepts_an_offer_and_submits_evidence_and_the_funder_approves_it_and_records_the_payment()
    {
        var applicant = await NewPageAsync();
        await SignInAsync(applicant, DemoDataSeeder.ApplicantEmail);
        await applicant.GotoAsync("/organisation");
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);
        await applicant.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("accept or decline your offer$") }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);
        await applicant.GetByLabel("Full name of the signatory").FillAsync("Sam Rivers");
        await applicant.GetByLabel("Their position in the organisation").FillAsync("Director");
        await applicant.GetByLabel("I accept the grant and agree to its conditions", new() { Exact = false }).CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Accept the offer" }).ClickAsync();
        await Expect(applicant.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have accepted the offer. The award is now active.");
        await Expect(applicant.Locator("main")).ToContainTextAsync("Accepted by Sam Rivers, Director");
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);

        await applicant.GotoAsync("/organisation");
        await applicant.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer support phone line" }).GetByRole(AriaRole.Link).First.ClickAsync();
        // The milestone's row (its payment's row names the milestone too, so match the target as well).
        await Expect(applicant.GetByRole(AriaRole.Row).Filter(new() { HasText = "Second volunteer team trained" }).Filter(new() { HasText = "10 volunteers trained" })).ToContainTextAsync("Overdue");
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Submit evidence for 200 callers supported" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);
        await applicant.GetByLabel("What was achieved").FillAsync("212 callers had a full support call; the log is attached.");
        await applicant.GetByLabel("People supported achieved", new() { Exact = false }).FillAsync("212");
        await applicant.GetByLabel("Files (optional", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "call-log.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% call log\n"u8.ToArray(),
        });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send evidence to the funder" }).ClickAsync();
        await Expect(applicant.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your evidence has been sent to the funder.");
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);

        var funder = await NewPageAsync();
        await SignInAsync(funder, DemoDataSeeder.FunderEmail);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Awards", Exact = true }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer support phone line" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Review evidence for 200 callers supported" }).ClickAsync();
        await Expect(funder.Locator("main")).ToContainTextAsync("call-log.pdf");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByLabel("Approve the milestone", new() { Exact = false }).CheckAsync();
        await funder.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Status)).ToContainTextAsync("The milestone is approved.");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);

        await funder.GetByRole(AriaRole.Link, new() { Name = "Record payment 3" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByLabel("Payment reference").FillAsync("BACS-2026-1127");
        await funder.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Status)).ToHaveTextAsync("The payment is recorded.");
        await Expect(funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Payment 3" })).ToContainTextAsync("ref. BACS-2026-1127");
        await Expect(funder.Locator(".award-progress").First).ToContainTextAsync("Paid: £25,000 of £30,000");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await ScreenshotAsync(funder, "funder-award-after-payment");
    }
}
