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

    private static async Task DeclareAsync(IPage assessor, string? conflictWith)
    {
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Declare conflicts of interest" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Conflicts of interest");
        foreach (var group in await assessor.GetByRole(AriaRole.Group).AllAsync())
        {
            if (await group.Locator("legend").TextContentAsync() == conflictWith)
            {
                await group.GetByLabel("I have a conflict of interest").CheckAsync();
                await group.GetByLabel("If you have a conflict, describe your connection").FillAsync("My brother runs the shed.");
            }
            else
            {
                await group.GetByLabel("No conflict").CheckAsync();
            }
        }

        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Save declarations" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your declarations are saved.");
    }

    /// <summary>Finds nothing to declare a conflict for, reads the names, and declares no conflict with all of them in one step.</summary>
    private static async Task DeclareNoConflictWithAnyAsync(IPage assessor)
    {
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Declare conflicts of interest" }).ClickAsync();
        await assessor.GetByLabel("Organisation name contains").FillAsync("shed");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Group)).ToHaveCountAsync(1);
        await Expect(assessor.GetByRole(AriaRole.Group).Locator("legend")).ToHaveTextAsync(ConflictedOrganisation);
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);

        await assessor.GetByRole(AriaRole.Button, new() { Name = "Declare no conflict with them" }).ClickAsync();
        await Expect(assessor.Locator("#ConfirmNoConflict + label")).ToBeVisibleAsync();
        await Expect(assessor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Confirm that you have no conflict of interest");
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        await assessor.GetByLabel("I have no conflict of interest with any of").CheckAsync();
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Declare no conflict with them" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your declarations are saved: no conflict of interest with the");
    }

    private static async Task ScoreAsync(IPage assessor, string project, params string[] scores)
    {
        await assessor.GetByRole(AriaRole.Link, new() { Name = project }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        var criteria = new[] { "Need and reach", "Lived experience and leadership", "Value for money" };
        for (var i = 0; i < criteria.Length; i++)
        {
            var sheet = assessor.GetByRole(AriaRole.Group, new() { Name = criteria[i] });
            await sheet.GetByLabel("Score", new() { Exact = true }).FillAsync(scores[i]);
            await sheet.GetByLabel("Why this score").FillAsync($"{criteria[i]}: as the plan shows.");
        }

        await assessor.GetByRole(AriaRole.Button, new() { Name = "Submit scores" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your scores are submitted.");
    }

    [Fact]
    public async Task Assessors_declare_conflicts_and_score_the_funder_moderates_a_divergent_pair_decides_and_the_applicant_reads_the_outcome()
    {
        var assessor = await NewPageAsync();
        await SignInAsync(assessor, DemoDataSeeder.Assessor1Email);
        await DeclareAsync(assessor, ConflictedOrganisation);
        await Expect(assessor.GetByRole(AriaRole.Link, new() { Name = "Men's shed mental health mornings" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(assessor);
        await ScoreAsync(assessor, "Peer-led wellbeing walks", "4", "3", "4");
        await ScreenshotAsync(assessor, "assessor-queue-after-scoring");

        var second = await NewPageAsync();
        await SignInAsync(second, DemoDataSeeder.Assessor2Email);
        await DeclareNoConflictWithAnyAsync(second);
        await ScoreAsync(second, "Peer-led wellbeing walks", "1", "1", "1");

        var funder = await NewPageAsync();
        await SignInAsync(funder, DemoDataSeeder.FunderEmail);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Equality Fund 2026: Round 1" }).ClickAsync();
        await funder.GetByRole(AriaRole.Link, new() { Name = "Assessment", Exact = true }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickAsync();
        var divergent = funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer-led wellbeing walks" });
        await Expect(divergent).ToContainTextAsync("Tom Okafor: 92.5");
        await Expect(divergent).ToContainTextAsync("Helen Marsh: 25");
        await Expect(divergent).ToContainTextAsync("Divergent");
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await divergent.GetByRole(AriaRole.Link, new() { Name = "GH-2026-000001" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(funder);
        await funder.GetByLabel("Moderated score (0–100)").FillAsync("70");
        await funder.GetByLabel("Why this score").FillAsync("The panel agreed the need is strong but the reach is modest.");
        await funder.GetByRole(AriaRole.Button, new() { Name = "Save moderated score" }).ClickAsync();
        await Expect(funder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer-led wellbeing walks" })).ToContainTextAsync("moderated");
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
