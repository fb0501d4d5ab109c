using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Awards;

/// <summary>The award page as the UK day turns, with nothing saved in between.</summary>
public sealed class AwardDayTests
{
    [Fact]
    public async Task A_milestone_shows_as_overdue_from_the_uk_midnight_after_its_due_date_although_nothing_changed()
    {
        await using var app = new GrantsHubFactory();
        using var fundedBy = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var setUp = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ActiveAsync(app, fundedBy, setUp); // one milestone, due on 15 February 2027

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 15, 23, 59, 0, TimeSpan.Zero)); // 23:59 GMT on the due date
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail); // signed in afresh: months have passed
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal("Planned", MilestoneStatus(await applicant.GetDocumentAsync(scenario.OrganisationUrl)));
        Assert.Equal("Planned", MilestoneStatus(await funder.GetDocumentAsync(scenario.FunderUrl)));

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 16, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("Overdue", MilestoneStatus(await applicant.GetDocumentAsync(scenario.OrganisationUrl)));
        Assert.Equal("Overdue", MilestoneStatus(await funder.GetDocumentAsync(scenario.FunderUrl)));
    }

    private static string MilestoneStatus(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("#milestones + table tbody tr td:nth-child(4)")!.TextContent.Trim();
}
