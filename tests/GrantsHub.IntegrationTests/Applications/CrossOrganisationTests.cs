using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

/// <summary>applicant2 (Tyne Peer Support Network) tries to reach Mindful Together CIC's things: every attempt is a 404 and changes nothing.</summary>
public sealed class CrossOrganisationTests
{
    [Fact]
    public async Task Another_organisations_member_can_neither_read_nor_change_an_application_its_attachment_or_the_profile()
    {
        await using var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        var victimOrganisation = await app.OrganisationIdAsync();
        var ownOrganisation = await app.OrganisationIdAsync("Tyne Peer Support Network");
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await owner.StartApplicationAsync(roundId, victimOrganisation);
        await owner.SaveProjectAsync(applicationId);
        var questionId = await app.QuestionIdAsync(roundId, "Your latest accounts or a budget");
        var sectionId = await app.WithDbAsync(db => db.Questions.Where(q => q.Id == questionId).Select(q => q.SectionId).SingleAsync());
        await owner.SaveSectionAsync(applicationId, sectionId, [("Then", "return")], null, ($"q{questionId}", "accounts.pdf", UploadTests.Pdf));
        var attachmentId = await app.WithDbAsync(db => db.Attachments.Select(a => a.Id).SingleAsync());
        var before = await StateAsync(app, applicationId, victimOrganisation);
        using var other = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var ownPage = $"/organisation/{ownOrganisation}/profile/edit"; // any page of theirs gives a valid antiforgery token

        string[] reads =
        [
            $"/applications/{applicationId}", $"/applications/{applicationId}/project", $"/applications/{applicationId}/sections/{sectionId}",
            $"/applications/{applicationId}/check", $"/applications/{applicationId}/view", $"/applications/{applicationId}/print",
            $"/applications/{applicationId}/submitted", $"/applications/{applicationId}/withdraw", $"/applications/{applicationId}/attachments/{attachmentId}",
            $"/organisation/{victimOrganisation}/profile", $"/organisation/{victimOrganisation}/profile/edit", $"/organisation/{victimOrganisation}/members",
        ];
        foreach (var url in reads)
        {
            var response = await other.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} gave {(int)response.StatusCode}");
            Assert.DoesNotContain("Peer support cafés", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var version = before.ApplicationVersion.ToString();
        (string Url, Dictionary<string, string> Fields)[] writes =
        [
            ($"/applications/{applicationId}/project", new() { ["ProjectTitle"] = "Hijacked", ["AmountRequested"] = "1", ["DurationMonths"] = "1", ["Version"] = version, ["Then"] = "return" }),
            ($"/applications/{applicationId}/sections/{sectionId}", new() { ["Version"] = version, ["Then"] = "return" }),
            ($"/applications/{applicationId}/submit", new() { ["Version"] = version }),
            ($"/applications/{applicationId}/withdraw", new()),
            ($"/organisation/{victimOrganisation}/profile/edit", new() { ["Name"] = "Hijacked", ["LegalForm"] = "UnincorporatedGroup", ["Version"] = before.OrganisationVersion.ToString() }),
            ($"/organisation/{victimOrganisation}/invitations", new() { ["Invite.Email"] = "intruder@example.org" }),
            ($"/rounds/{roundId}/apply", new() { ["OrganisationId"] = victimOrganisation.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        ];
        foreach (var (url, fields) in writes)
        {
            var response = await other.SubmitFormAsync(ownPage, url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} gave {(int)response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(app, applicationId, victimOrganisation));
        Assert.False(await app.WithDbAsync(db => db.OrganisationInvitations.AnyAsync()));
    }

    private sealed record State(Guid ApplicationVersion, string Title, string Status, int Answers, int Attachments, Guid OrganisationVersion, string OrganisationName);

    private static Task<State> StateAsync(GrantsHubFactory app, int applicationId, int organisationId) =>
        app.WithDbAsync(async db =>
        {
            var application = await db.Applications.AsNoTracking().Include(a => a.Answers).Include(a => a.Attachments).SingleAsync(a => a.Id == applicationId);
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId);
            return new State(application.Version, application.ProjectTitle, application.Status.ToString(), application.Answers.Count, application.Attachments.Count, organisation.Version, organisation.Name);
        });
}
