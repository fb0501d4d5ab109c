using System.Net;
using System.Text.RegularExpressions;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Organisations;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed partial class InvitationTests
{
    private static async Task<string> InviteAsync(GrantsHubFactory app, HttpClient owner, int organisationId, string email)
    {
        var response = await owner.SubmitFormAsync($"/organisation/{organisationId}/members", $"/organisation/{organisationId}/invitations",
            new Dictionary<string, string> { ["Invite.Email"] = email });
        Assert.Equal($"/organisation/{organisationId}/members", response.Headers.Location?.OriginalString);
        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == email));
        Assert.Equal("Join Mindful Together CIC on GrantsHub", message.Subject);
        return new Uri(Link().Match(message.TextBody).Value).PathAndQuery;
    }

    [Fact]
    public async Task Someone_new_creates_an_account_from_the_emailed_link_and_joins_the_organisation()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var link = await InviteAsync(app, owner, organisationId, "new.volunteer@example.org");
        var stored = await app.WithDbAsync(db => db.OrganisationInvitations.SingleAsync());
        Assert.Equal(GrantsHub.Web.Infrastructure.InvitationTokens.Hash(link["/invitations/".Length..]), stored.TokenHash);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(14), stored.ExpiresAt);
        Assert.DoesNotContain(link["/invitations/".Length..], stored.TokenHash, StringComparison.Ordinal);

        using var invited = app.CreateBrowserlessClient();
        var response = await invited.SubmitFormAsync(link, link + "/register", new Dictionary<string, string>
        {
            ["Form.FullName"] = "Rowan Hale",
            ["Form.Password"] = "Kingfisher-2026",
            ["Form.ConfirmPassword"] = "Kingfisher-2026",
        });

        Assert.Equal("/organisation", response.Headers.Location?.OriginalString);
        var dashboard = await invited.GetDocumentAsync("/organisation");
        Assert.Equal([DemoDataSeeder.ApplicantOrganisation], dashboard.QuerySelectorAll("section[aria-labelledby^='org-'] h2").Select(h => h.TextContent).ToList());
        var members = await owner.GetDocumentAsync($"/organisation/{organisationId}/members");
        Assert.Equal(["Rowan Hale", "Sam Rivers"], members.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList());
        Assert.Equal("InvitationInvalid", await StateOfAsync(invited, link));
    }

    [Fact]
    public async Task A_signed_in_applicant_joins_a_second_organisation_from_the_link()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var link = await InviteAsync(app, owner, organisationId, DemoDataSeeder.Applicant2Email);

        using var invited = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var response = await invited.SubmitFormAsync(link, link + "/accept", new Dictionary<string, string>());

        Assert.Equal("/organisation", response.Headers.Location?.OriginalString);
        var names = (await invited.GetDocumentAsync("/organisation")).QuerySelectorAll("section[aria-labelledby^='org-'] h2").Select(h => h.TextContent).ToList();
        Assert.Equal([DemoDataSeeder.ApplicantOrganisation, "Tyne Peer Support Network"], names);
        Assert.Equal(MemberRole.Member, await app.WithDbAsync(db => db.OrganisationMembers
            .Where(m => m.OrganisationId == organisationId && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoDataSeeder.Applicant2Email)).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_link_stops_working_after_14_days()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var link = await InviteAsync(app, owner, organisationId, "late@example.org");

        app.Clock.Advance(TimeSpan.FromDays(14));
        using var invited = app.CreateBrowserlessClient();

        Assert.Equal("InvitationInvalid", await StateOfAsync(invited, link));
    }

    [Fact]
    public async Task Only_an_owner_can_invite_and_an_existing_member_cannot_be_invited_again()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var response = await owner.SubmitFormAsync($"/organisation/{organisationId}/members", $"/organisation/{organisationId}/invitations",
            new Dictionary<string, string> { ["Invite.Email"] = DemoDataSeeder.ApplicantEmail });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal($"{DemoDataSeeder.ApplicantEmail} is already a member of {DemoDataSeeder.ApplicantOrganisation}", page.FieldError("Invite.Email"));
        Assert.False(await app.WithDbAsync(db => db.OrganisationInvitations.AnyAsync()));
    }

    private static async Task<string> StateOfAsync(HttpClient client, string link)
    {
        var page = await client.GetDocumentAsync(link);
        return page.QuerySelector("h1")!.TextContent == "This invitation link does not work" ? "InvitationInvalid" : "Open";
    }

    [GeneratedRegex(@"http://\S+/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
