using System.Net;
using System.Text.RegularExpressions;
using GrantsHub.Domain.Email;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GrantsHub.IntegrationTests.Reminders.ReminderScenario;

namespace GrantsHub.IntegrationTests.Reminders;

public sealed partial class ReminderPageTests
{
    [Fact]
    public async Task An_applicant_who_turns_off_closing_reminders_gets_none_and_sees_essential_ones_cannot_be_turned_off()
    {
        await using var app = new GrantsHubFactory(now: Utc(2027, 3, 22, 9, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var page = await client.GetDocumentAsync("/account/reminders");
        Assert.True(page.QuerySelector("#kind-RoundClosing")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#kind-OfferAwaitingAcceptance")!.HasAttribute("disabled"));
        Assert.Contains("Always sent:", page.QuerySelector("#kind-OfferAwaitingAcceptance-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#kind-ScoringDue")); // an assessor's kind

        var saved = await client.SubmitFormAsync("/account/reminders", "/account/reminders", new Dictionary<string, string>
        {
            ["on"] = "MilestoneDue",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False((await client.GetDocumentAsync("/account/reminders")).QuerySelector("#kind-RoundClosing")!.HasAttribute("checked"));

        Assert.Equal(0, await RunAsync<RoundClosingReminderJob>(app));
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_only_after_confirming()
    {
        await using var app = new GrantsHubFactory(now: Utc(2027, 3, 22, 9, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));
        await RunAsync<RoundClosingReminderJob>(app);
        var email = Assert.Single(await RemindersAsync(app, "RoundClosing"));
        var link = new Uri(UnsubscribeLink().Match(email.TextBody).Value);
        using var anonymous = app.CreateBrowserlessClient();

        var confirm = await anonymous.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("Turn off reminders", confirm.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReminderOptOuts.CountAsync())); // following the link alone changes nothing

        var done = await anonymous.SubmitFormAsync(link.PathAndQuery, "/unsubscribe", new Dictionary<string, string>());
        Assert.Equal("Reminders turned off", (await done.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReminderOptOuts.CountAsync()));

        var tampered = await anonymous.GetDocumentAsync("/unsubscribe?token=" + Uri.EscapeDataString("abc" + link.Query[7..]));
        Assert.Equal("This link does not work", tampered.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Reminders_show_on_the_home_page_and_can_be_marked_as_read_only_by_their_recipient()
    {
        await using var app = new GrantsHubFactory(now: Utc(2027, 3, 22, 9, 0));
        var draft = await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));
        await RunAsync<RoundClosingReminderJob>(app);
        var id = (await RemindersAsync(app, "RoundClosing")).Single().Id;
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var home = await applicant.GetDocumentAsync("/organisation");
        var item = home.QuerySelector("#notifications-title + ul li")!;
        Assert.Contains("Spring Wellbeing Round closes in 7 days", item.TextContent, StringComparison.Ordinal);
        Assert.Equal($"http://localhost:5080/applications/{draft}", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 new", home.QuerySelector("#notifications-title")!.TextContent, StringComparison.Ordinal);

        using var other = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var refused = await other.SubmitFormAsync("/notifications", $"/notifications/{id}/read", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var read = await applicant.SubmitFormAsync("/organisation", $"/notifications/{id}/read", new Dictionary<string, string> { ["returnUrl"] = "/organisation" });
        Assert.Equal("/organisation", read.Headers.Location?.OriginalString);
        Assert.DoesNotContain("new", (await applicant.GetDocumentAsync("/organisation")).QuerySelector("#notifications-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_funder_admin_sees_their_failed_emails_and_retries_one_with_an_audit_entry()
    {
        var settings = TestSmtpServer.SettingsFor(TestSmtpServer.FreePort());
        settings["Outbox:MaxAttempts"] = "1";
        await using var app = new GrantsHubFactory(settings, now: Utc(2027, 3, 22, 9, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));
        await RunAsync<RoundClosingReminderJob>(app);
        await RunAsync<EmailDispatchJob>(app);
        var failed = Assert.Single(await RemindersAsync(app, "RoundClosing"));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var list = await funder.GetDocumentAsync("/funder/outbox?status=Failed");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("Spring Wellbeing Round closes in 7 days", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", row.TextContent, StringComparison.Ordinal);
        Assert.Empty((await funder.GetDocumentAsync("/funder/outbox?status=Sent")).QuerySelectorAll("tbody tr"));

        var retried = await funder.SubmitFormAsync("/funder/outbox?status=Failed", $"/funder/outbox/{failed.Id}/retry", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = Assert.Single(await RemindersAsync(app, "RoundClosing"));
        Assert.Equal(OutboxStatus.Pending, after.Status);
        Assert.Equal(0, after.Attempts);
        var entityId = failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == "outbox.retried" && a.EntityId == entityId)));

        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(new Uri("/funder/outbox", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_funder_admin_changes_lead_times_and_bad_numbers_are_explained()
    {
        await using var app = new GrantsHubFactory();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var form = await funder.GetDocumentAsync("/funder/reminder-settings");
        Assert.Equal("7", form.QuerySelector("#RoundClosingFirstDays")!.GetAttribute("value"));
        Assert.Equal("60", form.QuerySelector("#AgreementFirstDays")!.GetAttribute("value"));

        var fields = new Dictionary<string, string>
        {
            ["RoundClosingFirstDays"] = "10", ["RoundClosingFinalDays"] = "12", ["ScoringDueDays"] = "5", ["MilestoneDueDays"] = "14",
            ["MonitoringReportDueDays"] = "14", ["AgreementFirstDays"] = "60", ["AgreementFinalDays"] = "14",
        };
        var bad = await (await funder.SubmitFormAsync("/funder/reminder-settings", "/funder/reminder-settings", fields)).ReadDocumentAsync();
        Assert.Contains("The final reminder must come after the first: enter fewer days than the first", bad.ErrorSummary());
        Assert.Equal("The final reminder must come after the first: enter fewer days than the first", bad.FieldError("RoundClosingFinalDays"));

        fields["RoundClosingFinalDays"] = "2";
        var saved = await funder.SubmitFormAsync("/funder/reminder-settings", "/funder/reminder-settings", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.FunderReminderSettings.SingleAsync());
        Assert.Equal((10, 2, 5), (stored.RoundClosingFirstDays, stored.RoundClosingFinalDays, stored.ScoringDueDays));
    }

    [GeneratedRegex(@"http://localhost:5080/unsubscribe\?token=\S+")]
    private static partial Regex UnsubscribeLink();
}
