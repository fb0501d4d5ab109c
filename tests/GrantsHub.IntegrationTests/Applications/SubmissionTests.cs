using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Auditing;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed class SubmissionTests
{
    /// <summary>12:00 UK time on the last Sunday of March 2026 (BST, UTC+1) and of October 2026 (GMT).</summary>
    public static TheoryData<int, int> ClockChangeSundays() => new() { { 3, 29 }, { 10, 25 } };

    private static async Task<(GrantsHubFactory App, HttpClient Client, int ApplicationId, DateTimeOffset ClosesAt)> ReadyToSubmitAsync(int month, int day)
    {
        var closesAt = UkTime.FromLocal(new DateTime(2026, month, day, 12, 0, 0));
        var app = new GrantsHubFactory(now: closesAt.AddDays(-40));
        var roundId = await app.CreateRoundAsync($"Round closing {day}/{month}", closesAt.AddDays(-30), closesAt);
        app.Clock.SetUtcNow(closesAt.AddHours(-1)); // within the sign-in cookie's lifetime of the moments tested
        var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, await app.OrganisationIdAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SaveProjectAsync(applicationId)).StatusCode);
        return (app, client, applicationId, closesAt);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, int applicationId, string? version = null)
    {
        version ??= (await client.GetDocumentAsync($"/applications/{applicationId}/check")).VersionOnPage();
        return await client.SubmitFormAsync($"/applications/{applicationId}/check", $"/applications/{applicationId}/submit",
            new Dictionary<string, string> { ["Version"] = version });
    }

    [Theory]
    [MemberData(nameof(ClockChangeSundays))]
    public async Task A_submission_at_the_closing_second_is_accepted(int month, int day)
    {
        var (app, client, applicationId, closesAt) = await ReadyToSubmitAsync(month, day);
        await using var _ = app;
        using var __ = client;
        Assert.Equal(month == 3 ? 11 : 12, closesAt.UtcDateTime.Hour);

        app.Clock.SetUtcNow(closesAt);
        var response = await SubmitAsync(client, applicationId);

        Assert.Equal($"/applications/{applicationId}/submitted", response.Headers.Location?.OriginalString);
        var saved = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Equal(closesAt, saved.SubmittedAt);
    }

    [Theory]
    [MemberData(nameof(ClockChangeSundays))]
    public async Task A_submission_one_second_after_closing_is_refused_and_the_draft_is_kept(int month, int day)
    {
        var (app, client, applicationId, closesAt) = await ReadyToSubmitAsync(month, day);
        await using var _ = app;
        using var __ = client;

        // The applicant opened the check page before the deadline and pressed Submit a second too late.
        var version = (await client.GetDocumentAsync($"/applications/{applicationId}/check")).VersionOnPage();
        app.Clock.SetUtcNow(closesAt.AddSeconds(1));
        var response = await SubmitAsync(client, applicationId, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zone = month == 3 ? "BST" : "GMT";
        Assert.Equal([$"This round closed at Sunday {day} {(month == 3 ? "March" : "October")} 2026, 12:00pm ({zone}). Your draft has been kept, but it can no longer be submitted."],
            (await response.ReadDocumentAsync()).ErrorSummary());
        var saved = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Null(saved.Reference);
        Assert.Equal("Peer support cafés", saved.ProjectTitle);
        var check = await client.GetDocumentAsync($"/applications/{applicationId}/check");
        Assert.Null(check.QuerySelector($"form[action='/applications/{applicationId}/submit']"));
        Assert.Contains("can no longer be submitted", check.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_gives_a_reference_a_confirmation_page_an_audit_entry_and_one_confirmation_email()
    {
        var (app, client, applicationId, closesAt) = await ReadyToSubmitAsync(10, 25);
        await using var _ = app;
        using var __ = client;

        var response = await SubmitAsync(client, applicationId);
        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        var reference = $"GH-2026-{applicationId:D6}";
        Assert.Equal(reference, confirmation.QuerySelector("[data-reference]")!.TextContent);
        Assert.Matches(@"^GH-\d{4}-\d{6}$", reference);
        var email = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Key == $"application-submitted:{applicationId}"));
        Assert.Equal(DemoDataSeeder.ApplicantEmail, email.ToAddress);
        Assert.Equal($"Application {reference} submitted", email.Subject);
        Assert.Contains(reference, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/applications/{applicationId}/view", email.TextBody, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ApplicationId == applicationId).Select(e => e.Kind).ToListAsync());
        Assert.Equal([AuditKinds.ApplicationStarted, AuditKinds.ApplicationSubmitted], audit);

        var again = await client.SubmitFormAsync($"/applications/{applicationId}/view", $"/applications/{applicationId}/submit",
            new Dictionary<string, string> { ["Version"] = Guid.Empty.ToString() });
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "ApplicationSubmitted")));
        Assert.Equal($"/applications/{applicationId}/view", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_incomplete_application_cannot_be_submitted_and_each_missing_answer_is_listed()
    {
        await using var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, await app.OrganisationIdAsync());
        await client.SaveProjectAsync(applicationId);

        var page = await (await SubmitAsync(client, applicationId)).ReadDocumentAsync();

        Assert.Equal(4, page.ErrorSummary().Count);
        Assert.Contains("Enter an answer for: What will you do with this funding?", page.ErrorSummary());
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task After_submission_the_application_is_read_only_and_can_be_printed()
    {
        var (app, client, applicationId, _) = await ReadyToSubmitAsync(3, 29);
        await using var __ = app;
        using var ___ = client;
        await SubmitAsync(client, applicationId);
        var version = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync());

        Assert.Equal($"/applications/{applicationId}/view", (await client.GetAsync(new Uri($"/applications/{applicationId}/project", UriKind.Relative))).Headers.Location?.OriginalString);
        var edit = await client.SubmitFormAsync($"/applications/{applicationId}/view", $"/applications/{applicationId}/project", new Dictionary<string, string>
        {
            ["ProjectTitle"] = "Changed after submission", ["AmountRequested"] = "1000", ["DurationMonths"] = "2", ["Version"] = version.ToString(), ["Then"] = "return",
        });
        Assert.Equal($"/applications/{applicationId}/view", edit.Headers.Location?.OriginalString);
        Assert.Equal("Peer support cafés", await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.ProjectTitle).SingleAsync()));

        var view = await client.GetDocumentAsync($"/applications/{applicationId}/view");
        Assert.DoesNotContain(view.QuerySelectorAll("a"), a => a.TextContent.StartsWith("Change", StringComparison.Ordinal));
        var print = await client.GetDocumentAsync($"/applications/{applicationId}/print");
        Assert.Null(print.QuerySelector("nav"));
        Assert.NotNull(print.QuerySelector("link[href^='/css/print.css']"));
        Assert.Contains("Peer support cafés", print.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£25,000", print.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_application_can_be_withdrawn_before_the_deadline_but_not_after()
    {
        var (app, client, applicationId, closesAt) = await ReadyToSubmitAsync(10, 25);
        await using var _ = app;
        using var __ = client;
        await SubmitAsync(client, applicationId);

        var confirm = await client.GetDocumentAsync($"/applications/{applicationId}/withdraw");
        Assert.NotNull(confirm.QuerySelector($"main form[action='/applications/{applicationId}/withdraw']"));
        await client.SubmitFormAsync($"/applications/{applicationId}/withdraw", $"/applications/{applicationId}/withdraw", new Dictionary<string, string>());

        var saved = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Withdrawn, saved.Status);
        Assert.Equal(app.Clock.GetUtcNow(), saved.WithdrawnAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == AuditKinds.ApplicationWithdrawn)));
    }

    [Fact]
    public async Task Withdrawing_after_the_deadline_is_refused()
    {
        var (app, client, applicationId, closesAt) = await ReadyToSubmitAsync(3, 29);
        await using var _ = app;
        using var __ = client;
        await SubmitAsync(client, applicationId);

        app.Clock.SetUtcNow(closesAt.AddSeconds(1));
        await client.SubmitFormAsync($"/applications/{applicationId}/withdraw", $"/applications/{applicationId}/withdraw", new Dictionary<string, string>());

        Assert.Equal(ApplicationStatus.Submitted, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_funders_equality_and_transparency_figures_count_a_submission_and_a_withdrawal_at_once()
    {
        var (app, client, applicationId, _) = await ReadyToSubmitAsync(10, 25);
        await using var _ = app;
        using var __ = client;
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        async Task<int> ApplicationsShownAsync()
        {
            var page = await funder.GetDocumentAsync("/funder/equality");
            var term = page.QuerySelectorAll("dt").First(dt => dt.TextContent.Trim() == "Applications");
            return int.Parse(term.NextElementSibling!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        // The funder's public transparency page counts them too, from figures it also keeps until anything changes.
        using var anonymous = app.CreateBrowserlessClient();
        var funderId = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Round!.Programme!.FunderId).SingleAsync());
        async Task<int> PubliclyShownAsync()
        {
            var page = await anonymous.GetDocumentAsync($"/funders/{funderId}/transparency");
            var term = page.QuerySelectorAll("dt").First(dt => dt.TextContent.Trim() == "Applications");
            return int.Parse(term.NextElementSibling!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var before = await ApplicationsShownAsync();
        Assert.Equal(before, await ApplicationsShownAsync()); // the second view is served from the kept figures
        var publicBefore = await PubliclyShownAsync();
        Assert.Equal(publicBefore, await PubliclyShownAsync());

        await SubmitAsync(client, applicationId);
        Assert.Equal(before + 1, await ApplicationsShownAsync());
        Assert.Equal(publicBefore + 1, await PubliclyShownAsync());

        await client.SubmitFormAsync($"/applications/{applicationId}/withdraw", $"/applications/{applicationId}/withdraw", new Dictionary<string, string>());
        Assert.Equal(before, await ApplicationsShownAsync());
        Assert.Equal(publicBefore, await PubliclyShownAsync());
    }
}
