using System.Net;
using GrantsHub.Domain.Auditing;
using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.IntegrationTests.Assessment;
using GrantsHub.IntegrationTests.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Admin;

/// <summary>Each audited action leaves exactly one entry of its kind, with the values before and after.</summary>
public sealed class AuditCoverageTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<AuditEntry> OneNewAsync(string kind, Func<Task> act)
    {
        var last = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        await act();
        return Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > last && e.Kind == kind).ToListAsync()));
    }

    private async Task<(HttpClient Funder, int RoundId, int ProgrammeId)> DraftRoundAsync()
    {
        var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var programmeId = await app.WithDbAsync(db => db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var response = await funder.SubmitFormAsync($"/funder/rounds/new?programmeId={programmeId}", "/funder/rounds/new", RoundSetupTests.Details(programmeId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (funder, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), programmeId);
    }

    [Fact]
    public async Task Changing_round_details_records_the_old_and_new_values()
    {
        var (funder, id, programmeId) = await DraftRoundAsync();
        var url = $"/funder/rounds/{id}/details";

        var entry = await OneNewAsync("round.details-changed", () => funder.SubmitFormAsync(url, url,
            RoundSetupTests.Details(programmeId, f => { f["Title"] = "Renamed round"; f["Budget"] = "250000"; })));

        Assert.Equal(id, entry.RoundId);
        Assert.Contains("\"Budget\":200000", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Title\":\"Renamed round\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"Budget\":250000", entry.After, StringComparison.Ordinal);
        funder.Dispose();
    }

    [Fact]
    public async Task Changing_criteria_records_the_old_and_new_weights()
    {
        var (funder, id, _) = await DraftRoundAsync();
        var url = $"/funder/rounds/{id}/criteria";
        Dictionary<string, string> Criteria(string need, string reach) => new()
        {
            ["Rows[0].Name"] = "Need", ["Rows[0].Weight"] = need, ["Rows[1].Name"] = "Reach", ["Rows[1].Weight"] = reach, ["ScoreMinimum"] = "0", ["ScoreMaximum"] = "4",
        };
        await funder.SubmitFormAsync(url, url, Criteria("60", "40"));

        var entry = await OneNewAsync("round.criteria-changed", () => funder.SubmitFormAsync(url, url, Criteria("50", "50")));

        Assert.Contains("\"Weight\":60", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Weight\":50", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Weight\":60", entry.After, StringComparison.Ordinal);
        funder.Dispose();
    }

    [Fact]
    public async Task Declaring_conflicts_records_the_declarations_and_the_assignments_that_follow()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 2, required: 1);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var last = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        await scenario.DeclareAsync(assessor, scenario.Organisations[0]);

        var added = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > last && e.RoundId == scenario.RoundId).ToListAsync());
        var declared = Assert.Single(added, e => e.Kind == "assessment.conflicts-declared");
        Assert.Contains($"{{\"OrganisationId\":{scenario.Organisations[0]},\"Conflict\":true,\"Reason\":\"I sit on its board of trustees\"}}", declared.After, StringComparison.Ordinal);
        Assert.Contains($"{{\"OrganisationId\":{scenario.Organisations[1]},\"Conflict\":false", declared.After, StringComparison.Ordinal);
        var balanced = Assert.Single(added, e => e.Kind == "assessment.assignments-balanced");
        Assert.Equal($"[{{\"ApplicationId\":{scenario.Applications[1]},\"PanelMemberId\":{scenario.Member1}}}]", balanced.After);
    }

    [Fact]
    public async Task Changing_scores_after_submission_records_the_old_and_new_scores()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 1, required: 1);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        await scenario.DeclareAsync(assessor);
        var id = scenario.Applications[0];
        var first = await OneNewAsync("assessment.score-submitted", () => AssessmentScenario.ScoreAsync(assessor, id, AssessmentScenario.Scores(2, "Some need", 1, "Narrow")));

        var changed = await OneNewAsync("assessment.score-submitted", () => AssessmentScenario.ScoreAsync(assessor, id, AssessmentScenario.Scores(4, "Great need", 3, "Wider")));

        Assert.Null(first.Before);
        Assert.Contains("changed after submission", changed.Summary, StringComparison.Ordinal);
        Assert.Equal(first.After, changed.Before);
        Assert.Contains("\"Value\":4", changed.After, StringComparison.Ordinal);
        Assert.Contains("\"Value\":3", changed.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_colleagues_role_records_the_old_and_new_role()
    {
        var email = $"viewer-{Guid.NewGuid():N}@northshire.example";
        var userId = await app.WithServiceAsync<UserManager<ApplicationUser>, string>(async users =>
        {
            var funderId = await app.WithDbAsync(db => db.Funders.Where(f => f.Name == DemoDataSeeder.FunderName).Select(f => f.Id).SingleAsync());
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Vera Viewer", FunderId = funderId, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.FunderViewer);
            return user.Id;
        });
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var entry = await OneNewAsync("team.role-changed", () => funder.SubmitFormAsync("/funder/team", $"/funder/team/{userId}/role", new Dictionary<string, string>()));

        Assert.Equal(userId, entry.EntityId);
        Assert.Equal("{\"Role\":\"FunderViewer\"}", entry.Before);
        Assert.Equal("{\"Role\":\"FunderAdmin\"}", entry.After);
    }

    [Fact]
    public async Task A_failed_sign_in_is_recorded_once_against_the_account()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.Applicant2Email).Select(u => u.Id).SingleAsync());
        using var client = app.CreateBrowserlessClient();

        var entry = await OneNewAsync(AuditKinds.SignInFailed, () => client.SignInAsync(DemoDataSeeder.Applicant2Email, "Wrong-password-1"));

        Assert.Equal(userId, entry.EntityId);
        Assert.Equal("System", entry.ActorName);
    }
}
