using System.Net;
using System.Text.RegularExpressions;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Admin;

public sealed partial class TeamTests
{
    [Fact]
    public async Task An_admin_invites_a_viewer_who_can_read_but_not_decide()
    {
        await using var smtp = new TestSmtpServer();
        await using var app = new GrantsHubFactory(smtp.AppSettings());
        using var admin = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var invited = await admin.SubmitFormAsync("/funder/team", "/funder/team/invite", new Dictionary<string, string>
        {
            ["Name"] = "Dev Patel", ["Email"] = "dev@northshire.example", ["Role"] = "FunderViewer",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var team = await admin.GetDocumentAsync("/funder/team");
        Assert.Contains("Invitation sent", team.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Dev Patel", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        await app.WithServiceAsync<EmailDispatchJob, int>(job => job.RunAsync(CancellationToken.None));
        var email = Assert.Single(smtp.Messages);
        Assert.Equal("Join Northshire Council on GrantsHub", email.Subject);
        Assert.Contains("Priya Shah has invited you to join Northshire Council on GrantsHub as: Viewer (read only).", email.TextBody, StringComparison.Ordinal);
        var link = new Uri(AcceptLink().Match(email.TextBody ?? "").Value);

        using var viewer = app.CreateBrowserlessClient();
        var choose = await viewer.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("Choose a password", choose.QuerySelector("h1")!.TextContent);
        var set = await viewer.SubmitFormAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string>
        {
            ["Password"] = "Viewer-pass-2026", ["ConfirmPassword"] = "Viewer-pass-2026",
        });
        Assert.Equal("/account/sign-in", set.Headers.Location?.OriginalString);
        Assert.Equal("/home", (await viewer.SignInAsync("dev@northshire.example", "Viewer-pass-2026")).Headers.Location?.OriginalString);

        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Title == "Equality Fund 2026: Round 2").Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri($"/funder/rounds/{roundId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri($"/funder/rounds/{roundId}/applications", UriKind.Relative))).StatusCode);
        var overview = await viewer.GetDocumentAsync($"/funder/rounds/{roundId}");
        Assert.Empty(overview.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(new Uri($"/funder/rounds/{roundId}/details", UriKind.Relative))).StatusCode);
        var copy = await viewer.SubmitFormAsync($"/funder/rounds/{roundId}", $"/funder/rounds/{roundId}/copy", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, copy.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.Title.StartsWith("Equality Fund 2026: Round 2"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == "team.invited" && e.Summary.Contains("dev@northshire.example"))));
    }

    [Fact]
    public async Task A_removed_colleague_is_signed_out_everywhere()
    {
        await using var app = new GrantsHubFactory();
        using var admin = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await admin.SubmitFormAsync("/funder/team", "/funder/team/invite", new Dictionary<string, string> { ["Name"] = "Ann", ["Email"] = "ann@northshire.example", ["Role"] = "FunderAdmin" });
        var annId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ann@northshire.example").Select(u => u.Id).SingleAsync());
        await app.WithServiceAsync<Microsoft.AspNetCore.Identity.UserManager<GrantsHub.Infrastructure.Identity.ApplicationUser>, bool>(async users =>
            (await users.AddPasswordAsync((await users.FindByIdAsync(annId))!, "Ann-pass-20266")).Succeeded);
        using var ann = await app.SignedInAsync("ann@northshire.example", "Ann-pass-20266");
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync(new Uri("/funder", UriKind.Relative))).StatusCode);

        var removed = await admin.SubmitFormAsync("/funder/team", $"/funder/team/{annId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // the next security-stamp check

        var after = await ann.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The same check, due for the admin too, finds nothing changed and keeps them signed in.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/funder", UriKind.Relative))).StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Kind == "team.removed"));
        Assert.Contains("\"Role\":\"FunderAdmin\"", entry.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_remove_themselves_or_another_funders_staff()
    {
        await using var app = new GrantsHubFactory();
        using var admin = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var selfId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.FunderEmail).Select(u => u.Id).SingleAsync());
        var assessorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.Assessor1Email).Select(u => u.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitFormAsync("/funder/team", $"/funder/team/{selfId}/remove", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitFormAsync("/funder/team", $"/funder/team/{assessorId}/remove", new Dictionary<string, string>())).StatusCode);
    }

    [GeneratedRegex(@"http://localhost/account/reset-password\?\S+")]
    private static partial Regex AcceptLink();
}

public sealed class PlatformTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_platform_admin_creates_a_funder_and_invites_its_first_admin()
    {
        using var admin = await app.SignedInAsync(DemoDataSeeder.AdminEmail);
        var response = await admin.SubmitFormAsync("/platform", "/platform/funders", new Dictionary<string, string>
        {
            ["Name"] = "Tees Valley ICB", ["Kind"] = "NhsBody", ["OpenDataPrefix"] = "360G-teesicb", ["AdminName"] = "Mo Khan", ["AdminEmail"] = "mo@tees.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staff = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "mo@tees.example")
            .Select(u => new { Funder = db.Funders.Where(f => f.Id == u.FunderId).Select(f => f.Name).Single(), u.PasswordHash }).SingleAsync());
        Assert.Equal("Tees Valley ICB", staff.Funder);
        Assert.Null(staff.PasswordHash);
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "mo@tees.example" && m.Subject == "Join Tees Valley ICB on GrantsHub")));
    }

    [Fact]
    public async Task A_funder_is_not_created_when_its_first_admin_cannot_be_invited()
    {
        using var admin = await app.SignedInAsync(DemoDataSeeder.AdminEmail);
        var response = await admin.SubmitFormAsync("/platform", "/platform/funders", new Dictionary<string, string>
        {
            ["Name"] = "Duplicate Trust", ["Kind"] = "CharitableTrust", ["OpenDataPrefix"] = "360G-duptrust", ["AdminName"] = "X", ["AdminEmail"] = DemoDataSeeder.ApplicantEmail,
        });

        Assert.Equal("This email address already has a GrantsHub account, so it cannot join your team", (await response.ReadDocumentAsync()).FieldError("AdminEmail"));
        Assert.False(await app.WithDbAsync(db => db.Funders.AnyAsync(f => f.Name == "Duplicate Trust")));
    }

    [Fact]
    public async Task The_platform_admin_cannot_read_applications_or_rounds()
    {
        using var admin = await app.SignedInAsync(DemoDataSeeder.AdminEmail);
        var roundId = await app.WithDbAsync(db => db.Rounds.Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri($"/funder/rounds/{roundId}/applications", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/organisation", UriKind.Relative))).StatusCode);
    }
}
