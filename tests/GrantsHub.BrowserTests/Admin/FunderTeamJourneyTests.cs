using System.Text.RegularExpressions;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Admin;

[Collection(BrowserJourneysCollection.Name)]
public sealed partial class FunderTeamJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task A_funder_admin_invites_a_viewer_who_can_read_rounds_and_decisions_but_not_change_or_decide()
    {
        var email = $"viewer-{Guid.NewGuid():N}@northshire.example";
        var admin = await NewPageAsync();
        await SignInAsync(admin, DemoDataSeeder.FunderEmail);
        await admin.GotoAsync("/funder/team");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Vic Viewer");
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("Viewer: can see rounds").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"An invitation was emailed to {email}.");
        await Expect(admin.GetByRole(AriaRole.Row, new() { Name = "Vic Viewer" })).ToContainTextAsync("Invitation sent");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        // The viewer follows the emailed link and chooses a password.
        var viewer = await NewPageAsync();
        await viewer.GotoAsync(await InvitationLinkAsync(email));
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose a password");
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await viewer.GetByLabel("New password", new() { Exact = true }).FillAsync("Viewer-pass-2026");
        await viewer.GetByLabel("Confirm new password").FillAsync("Viewer-pass-2026");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(viewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is set. Sign in to start.");
        await Journeys.SubmitSignInFormAsync(viewer, email, "Viewer-pass-2026");
        await Expect(viewer).ToHaveURLAsync(App.BaseUrl + "/funder");
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);

        // Reads a round and its decisions, without any way to change or decide.
        var roundId = await WithDbAsync(db => db.Rounds.Where(r => r.Title == "Equality Fund 2026: Round 1").Select(r => r.Id).SingleAsync());
        await viewer.GotoAsync($"/funder/rounds/{roundId}");
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Equality Fund 2026: Round 1");
        await Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Change details" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await viewer.GotoAsync($"/funder/rounds/{roundId}/decisions");
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Decisions");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Decide from the recommendation" })).ToHaveCountAsync(0);
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Email decisions to applicants" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await viewer.GotoAsync("/funder/team");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Send invitation" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await ScreenshotAsync(viewer, "funder-viewer-decisions");

        // The admin sees the viewer has signed in.
        await admin.ReloadAsync();
        await Expect(admin.GetByRole(AriaRole.Row, new() { Name = "Vic Viewer" })).Not.ToContainTextAsync("Invitation sent");
    }

    private async Task<T> WithDbAsync<T>(Func<GrantsHubDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>());
    }

    /// <summary>The link in the invitation email waiting in the outbox (jobs do not run in browser tests).</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var body = await WithDbAsync(db => db.Outbox.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync());
        return ResetLink().Match(body).Value;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
