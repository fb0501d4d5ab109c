using System.Net;
using System.Text.RegularExpressions;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Common;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>Panels, invitations, conflicts of interest and balanced assignment, through the real app.</summary>
public sealed partial class PanelAndConflictTests(SharedApp app) : IClassFixture<SharedApp>
{
    [GeneratedRegex(@"/assessor/invitations/([0-9a-f]{64})")]
    private static partial Regex InvitationLink();

    private async Task<string> InviteAsync(HttpClient funder, int roundId, string email)
    {
        var url = $"/funder/rounds/{roundId}/panel";
        var response = await funder.SubmitFormAsync(url, $"{url}/invite", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = await app.WithDbAsync(db => db.Outbox.Where(m => m.ToAddress == email && m.Kind == "PanelInvitation").Select(m => m.TextBody).SingleAsync());
        return InvitationLink().Match(body).Value;
    }

    [Fact]
    public async Task A_new_person_invited_by_email_creates_an_assessor_account_from_the_link_and_joins_the_panel()
    {
        var scenario = await AssessmentScenario.CreateAsync(app);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var link = await InviteAsync(funder, scenario.RoundId, email);
        using var visitor = app.CreateBrowserlessClient();
        var page = await visitor.GetDocumentAsync(link);
        Assert.Contains("Create your assessor account", page.Body!.TextContent, StringComparison.Ordinal);
        var response = await visitor.SubmitFormAsync(link, link + "/register", new Dictionary<string, string>
        {
            ["FullName"] = "Ada Mensah", ["Password"] = "Assess-2026-pass", ["ConfirmPassword"] = "Assess-2026-pass",
        });

        Assert.Equal($"/assessor/rounds/{scenario.RoundId}/conflicts", response.Headers.Location!.OriginalString);
        var member = await app.WithDbAsync(db => db.PanelMembers.SingleAsync(m => m.InvitedEmail == email));
        Assert.NotNull(member.UserId);
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == member.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Assessor))));
        var conflicts = await visitor.GetDocumentAsync($"/assessor/rounds/{scenario.RoundId}/conflicts");
        Assert.Equal(3, conflicts.QuerySelectorAll("fieldset legend").Length);
    }

    [Fact]
    public async Task An_existing_assessor_accepts_an_invitation_by_signing_in()
    {
        var scenario = await AssessmentScenario.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            await db.PanelMembers.Where(m => m.Id == scenario.Member1).ExecuteDeleteAsync();
            return 0;
        });
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var link = await InviteAsync(funder, scenario.RoundId, DemoDataSeeder.Assessor1Email);

        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var response = await assessor.SubmitFormAsync(link, link + "/accept", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PanelMembers.AnyAsync(m => m.Panel!.RoundId == scenario.RoundId && m.InvitedEmail == DemoDataSeeder.Assessor1Email && m.UserId != null)));
    }

    [Fact]
    public async Task An_assessor_sees_no_application_until_they_have_declared_for_every_organisation()
    {
        var scenario = await AssessmentScenario.CreateAsync(app);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);

        var queue = await assessor.GetDocumentAsync("/assessor");
        Assert.NotNull(queue.QuerySelector($"a[href='/assessor/rounds/{scenario.RoundId}/conflicts']"));
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync(new Uri($"/assessor/applications/{scenario.Applications[0]}", UriKind.Relative))).StatusCode);
        Assert.Empty(await scenario.AssignedToAsync(app, scenario.Member1));
        var declare = await assessor.GetDocumentAsync($"/assessor/rounds/{scenario.RoundId}/conflicts");
        Assert.DoesNotContain("Project 0", declare.Body!.TextContent, StringComparison.Ordinal); // names only, nothing of the applications

        await scenario.DeclareAsync(assessor);

        Assert.Equal(scenario.Applications.Order(), await scenario.AssignedToAsync(app, scenario.Member1));
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(new Uri($"/assessor/applications/{scenario.Applications[0]}", UriKind.Relative))).StatusCode);
        Assert.All(await app.WithDbAsync(db => db.Applications.Where(a => scenario.Applications.Contains(a.Id)).Select(a => a.Status).ToListAsync()),
            s => Assert.Equal(ApplicationStatus.UnderAssessment, s));
    }

    [Fact]
    public async Task A_conflicted_assessor_is_never_assigned_and_gets_404_everywhere()
    {
        var scenario = await AssessmentScenario.CreateAsync(app);
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        var conflicted = scenario.Applications[0];
        await scenario.DeclareAsync(assessor1, scenario.Organisations[0]);
        await scenario.DeclareAsync(assessor2);

        Assert.DoesNotContain(conflicted, await scenario.AssignedToAsync(app, scenario.Member1));
        var reference = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == conflicted).Select(a => a.Reference!).SingleAsync());
        foreach (var url in new[] { "/assessor", "/assessor?status=ToDo", "/assessor?status=InProgress", "/assessor?status=Done" })
        {
            var html = await (await assessor1.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.DoesNotContain(reference, html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/assessor/applications/{conflicted}", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.GetAsync(new Uri($"/assessor/applications/{conflicted}", UriKind.Relative))).StatusCode);
        var token = (await assessor1.GetDocumentAsync($"/assessor/applications/{scenario.Applications[1]}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Action"] = "SaveDraft" });
        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.PostAsync(new Uri($"/assessor/applications/{conflicted}", UriKind.Relative), post)).StatusCode);
        // The funder's list and CSV export are not the assessor's to see at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor1.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId}/applications/export.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor1.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId}/panel", UriKind.Relative))).StatusCode);
        // The funder sees the declaration and its reason.
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var declarations = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/panel/declarations");
        Assert.Contains("Conflict: I sit on its board of trustees", declarations.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflicted_assessor_cannot_download_the_applications_files_but_an_assigned_one_can()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 2);
        var attachment = await app.WithDbAsync(async db =>
        {
            var key = $"test/{Guid.NewGuid():N}";
            db.StoredFiles.Add(new GrantsHub.Domain.Files.StoredFile { Key = key, Content = "budget,100"u8.ToArray(), CreatedAt = app.Clock.GetUtcNow() });
            var file = new Attachment
            {
                ApplicationId = scenario.Applications[0], FileName = "budget.csv", ContentType = "text/csv", Length = 10, StorageKey = key,
                UploadedByUserId = await db.Users.Select(u => u.Id).FirstAsync(), UploadedAt = app.Clock.GetUtcNow(),
            };
            db.Attachments.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        });
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await scenario.DeclareAsync(assessor1, scenario.Organisations[0]);
        await scenario.DeclareAsync(assessor2);
        var url = $"/assessor/applications/{scenario.Applications[0]}/attachments/{attachment}";

        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var allowed = await assessor2.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("budget,100", await allowed.Content.ReadAsStringAsync());
        Assert.NotNull((await assessor2.GetDocumentAsync($"/assessor/applications/{scenario.Applications[0]}")).QuerySelector($"a[href='{url}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await assessor2.GetAsync(new Uri($"/assessor/applications/{scenario.Applications[1]}/attachments/{attachment}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Declaring_a_conflict_after_assignment_removes_the_assignment_and_rebalances()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 4, required: 1);
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await scenario.DeclareAsync(assessor1);
        await scenario.DeclareAsync(assessor2);
        var before = await scenario.AssignedToAsync(app, scenario.Member1);
        Assert.Equal(2, before.Count);
        var moved = before[0];
        var organisation = scenario.Organisations[Array.IndexOf(scenario.Applications, moved)];

        await scenario.DeclareAsync(assessor1, organisation);

        var after1 = await scenario.AssignedToAsync(app, scenario.Member1);
        var after2 = await scenario.AssignedToAsync(app, scenario.Member2);
        Assert.DoesNotContain(moved, after1);
        Assert.Contains(moved, after2);
        Assert.Equal(4, after1.Count + after2.Count);
        Assert.True(Math.Abs(after1.Count - after2.Count) <= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.GetAsync(new Uri($"/assessor/applications/{moved}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_conflict_must_be_explained_beside_its_organisation()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 1);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var url = $"/assessor/rounds/{scenario.RoundId}/conflicts";

        var response = await assessor.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Rows[0].Conflict"] = "yes", ["Rows[0].Reason"] = " " });

        var page = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Describe your connection with Org 0", page.FieldError("Rows[0].Reason"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ConflictDeclarations.CountAsync(d => d.PanelMemberId == scenario.Member1)));
    }

    [Fact]
    public async Task The_funder_can_move_an_assignment_but_never_to_a_conflicted_assessor()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 2, required: 1);
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await scenario.DeclareAsync(assessor1, scenario.Organisations[1]);
        await scenario.DeclareAsync(assessor2);
        Assert.Equal([scenario.Applications[1]], await scenario.AssignedToAsync(app, scenario.Member2));
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var url = $"/funder/rounds/{scenario.RoundId}/panel";

        var refused = await funder.SubmitFormAsync(url, $"{url}/reassign", new Dictionary<string, string>
        {
            ["ApplicationId"] = scenario.Applications[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FromMemberId"] = scenario.Member2.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ToMemberId"] = scenario.Member1.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("That assessor has declared a conflict with this organisation, or has not yet declared: they cannot be assigned it.", (await refused.ReadDocumentAsync()).ErrorSummary());

        var moved = await funder.SubmitFormAsync(url, $"{url}/reassign", new Dictionary<string, string>
        {
            ["ApplicationId"] = scenario.Applications[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FromMemberId"] = scenario.Member1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ToMemberId"] = scenario.Member2.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(scenario.Applications.Order(), await scenario.AssignedToAsync(app, scenario.Member2));

        // The panel page shows each application with its assessors now: both with assessor 2, neither with assessor 1.
        var panel = await funder.GetDocumentAsync(url);
        var shown = panel.QuerySelectorAll($"form[action='{url}/reassign']")
            .Select(f => (Application: int.Parse(f.QuerySelector("[name=ApplicationId]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture),
                Member: int.Parse(f.QuerySelector("[name=FromMemberId]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)))
            .Order().ToList();
        Assert.Equal(scenario.Applications.Order().Select(a => (a, scenario.Member2)), shown);
    }

    [Fact]
    public async Task Another_funders_staff_and_assessors_outside_the_panel_get_404()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 1);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await app.WithDbAsync(async db => await db.PanelMembers.Where(m => m.Id == scenario.Member2).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await assessor2.GetAsync(new Uri($"/assessor/rounds/{scenario.RoundId}/conflicts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor2.GetAsync(new Uri($"/assessor/applications/{scenario.Applications[0]}", UriKind.Relative))).StatusCode);
    }
}
