using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Reminders;

[Collection(BrowserJourneysCollection.Name)]
public sealed class ReminderPreferencesJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task An_applicant_turns_off_round_closing_reminders_and_gets_no_more_of_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"volunteer-{tag}@example.org";
        var organisationId = await CreateApplicantAsync(email, $"Riverside Allotment Friends {tag}");
        await DraftClosingSoonAsync(organisationId, $"Harvest suppers {tag}");
        Assert.Equal(1, await RunRoundClosingJobAsync());

        var page = await NewPageAsync();
        await SignInAsync(page, email);
        await page.GotoAsync("/organisation");
        var notifications = page.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        await Expect(notifications).ToContainTextAsync("closes in 3 days: your draft is not submitted");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await notifications.GetByRole(AriaRole.Link, new() { Name = "Reminder emails" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reminder emails");
        await Expect(page.GetByLabel("Grant offer awaiting acceptance")).ToBeDisabledAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Round closing soon").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder choices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your reminder choices were saved.");
        await Expect(page.GetByLabel("Round closing soon")).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "reminder-preferences");

        await DraftClosingSoonAsync(organisationId, $"Seed swap {tag}");
        Assert.Equal(0, await RunRoundClosingJobAsync());
        await page.GotoAsync("/notifications");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"closes in 3 days" })).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<int> CreateApplicantAsync(string email, string organisationName)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ari Lennox", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
        var organisation = new Organisation { Name = organisationName, LegalForm = LegalForm.UnincorporatedGroup, CreatedAt = DateTimeOffset.UtcNow };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = user.Id, Role = MemberRole.Owner, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>A round of its own closing in three days (UK calendar), with this organisation's unsubmitted draft.</summary>
    private async Task DraftClosingSoonAsync(int organisationId, string project)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
        var programme = await db.Programmes.OrderBy(p => p.Id).FirstAsync();
        var closes = UkTime.FromLocal(DateOnly.FromDateTime(UkTime.ToLocal(DateTimeOffset.UtcNow)).AddDays(3).ToDateTime(new TimeOnly(23, 0)));
        var round = new Round
        {
            ProgrammeId = programme.Id, Title = $"Small grants for {project}", OpensAt = closes.AddDays(-30), ClosesAt = closes,
            Budget = 5_000m, MinimumGrant = 100m, MaximumGrant = 1_000m, Stage = RoundStage.Published,
        };
        db.Applications.Add(new GrantApplication
        {
            Round = round, OrganisationId = organisationId, ProjectTitle = project, Status = ApplicationStatus.Draft,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the job in-process against the app's database, as Hangfire would on its schedule; only this test's reminders count.</summary>
    private async Task<int> RunRoundClosingJobAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoundClosingReminderJob>().RunAsync(CancellationToken.None);
    }
}
