using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Assessment;

[Collection(BrowserJourneysCollection.Name)]
public sealed class AssessmentJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    private const string ConflictedOrganisation = "Durham Men's Shed Collective";

    [Fact]
    public async Task Assessor_declares_a_conflict_and_scores_then_the_funder_decides_and_the_applicant_reads_the_outcome()
    {
        var assessor = await NewPageAsync();
        await SignInAsync(assessor, DemoDataSeeder.Assessor1Email);
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Declare conflicts of interest" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Conflicts of interest");
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        foreach (var group in await assessor.GetByRole(AriaRole.Group).AllAsync())
        {
            var name = await group.Locator("legend").TextContentAsync();
            if (name == ConflictedOrganisation)
            {
                await group.GetByLabel("I have a conflict of interest").CheckAsync();
                await group.GetByLabel("If you have a conflict, describe your connection").FillAsync("My brother runs the shed.");
            }
            else
            {
                await group.GetByLabel("No conflict").CheckAsync();
            }
        }

        await assessor.GetByRole(AriaRole.Button, new() { Name = "Save declarations" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your declarations are saved.");
        await Expect(assessor.GetByRole(AriaRole.Link, new() { Name = "Men's shed mental health mornings" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);

        await assessor.GetByRole(AriaRole.Link, new() { Name = "Peer-led wellbeing walks" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        foreach (var (criterion, score) in new[] { ("Need and reach", "4"), ("Lived experience and leadership", "3"), ("Value for money", "4") })
        {
            var sheet = assessor.GetByRole(AriaRole.Group, new() { Name = criterion });
            await sheet.GetByLabel("Score", new() { Exact = true }).FillAsync(score);
            await sheet.GetByLabel("Why this score").FillAsync($"{criterion}: clear evidence in the plan.");
        }

        await assessor.GetByRole(AriaRole.Button, new() { Name = "Submit scores" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your scores are submitted.");
        await ScreenshotAsync(assessor, "assessor-queue-after-scoring");

        var funder = await NewPageAsync();
        await SignInAsync(funder, DemoDataSeeder.FunderEmail);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Equality Fund 2026: Round 1" }).ClickAsync();
        await funder.GetByRole(AriaRole.Link, new() { Name = "Assessment", Exact = true }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer-led wellbeing walks" })).ToContainTextAsync("Tom Okafor: 92.5");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Recommendation", Exact = true }).ClickAsync();
        await funder.GetByRole(AriaRole.Button, new() { Name = "Run the recommendation" }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mindful Together CIC" })).ToContainTextAsync("ring-fenced pot \"User-led organisations\"");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Decisions", Exact = true }).ClickAsync();
        await funder.GetByLabel("Feedback to approved applicants").FillAsync("The panel valued your peer-led approach.");
        await funder.GetByLabel("Feedback to declined applicants").FillAsync("The panel wanted clearer outcomes.");
        await funder.GetByRole(AriaRole.Button, new() { Name = "Decide from the recommendation" }).ClickAsync();
        await funder.GetByRole(AriaRole.Button, new() { Name = "Email decisions to applicants" }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Status)).ToContainTextAsync("decisions are being emailed to applicants");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);

        var applicant = await NewPageAsync();
        await SignInAsync(applicant, DemoDataSeeder.ApplicantEmail);
        var row = applicant.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer-led wellbeing walks" });
        await Expect(row).ToContainTextAsync("Approved");
        await Expect(applicant.GetByText("The panel valued your peer-led approach.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(applicant);
        await ScreenshotAsync(applicant, "applicant-outcome");
    }
}
