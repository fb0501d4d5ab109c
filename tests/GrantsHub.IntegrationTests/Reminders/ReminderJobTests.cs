using GrantsHub.Domain.Email;
using GrantsHub.Infrastructure.Email;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantsHub.IntegrationTests.Reminders.ReminderScenario;

namespace GrantsHub.IntegrationTests.Reminders;

public sealed class ReminderJobTests
{
    [Fact]
    public async Task Round_closing_reminders_come_a_week_and_a_day_before_a_deadline_after_the_clocks_go_forward()
    {
        await using var smtp = new TestSmtpServer();
        // Deadline Monday 29 March 2027 12:00 BST; the clocks go forward on Sunday 28 March.
        await using var app = new GrantsHubFactory(smtp.AppSettings(), now: Utc(2027, 3, 21, 23, 59));
        var draft = await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));

        await RunEveryJobAsync(app);
        Assert.Empty(smtp.Messages); // 21 March: 8 days before

        app.Clock.SetUtcNow(Utc(2027, 3, 22, 0, 0)); // 22 March 00:00 GMT: 7 days before
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        var week = Assert.Single(smtp.Messages);
        Assert.Equal("Spring Wellbeing Round closes in 7 days: your draft is not submitted", week.Subject);
        Assert.Equal(DemoDataSeeder.ApplicantEmail, week.To.Mailboxes.Single().Address);
        Assert.Contains("Dear Sam Rivers", week.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 29 March 2027, 12:00pm (BST)", week.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/applications/{draft}", week.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://localhost:5080/applications/{draft}\"", week.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/unsubscribe?token=", week.TextBody, StringComparison.Ordinal);

        app.Clock.SetUtcNow(Utc(2027, 3, 27, 23, 59)); // still two days before
        await RunEveryJobAsync(app);
        Assert.Single(smtp.Messages);

        app.Clock.SetUtcNow(Utc(2027, 3, 28, 0, 0)); // 28 March: the day before
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal("Spring Wellbeing Round closes tomorrow: your draft is not submitted", smtp.Messages.Last().Subject);

        app.Clock.SetUtcNow(Utc(2027, 3, 29, 11, 1)); // 12:01 BST: closed
        await RunEveryJobAsync(app);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task A_round_closing_after_the_clocks_go_back_is_reminded_from_midnight_uk_time_seven_days_before()
    {
        // Deadline Monday 26 October 2026 12:00 GMT; seven days before is Monday 19 October, which starts at 23:00 UTC on the 18th (BST).
        await using var app = new GrantsHubFactory(now: Utc(2026, 10, 18, 22, 59));
        await DraftInRoundClosingAtAsync(app, new DateTime(2026, 10, 26, 12, 0, 0));

        Assert.Equal(0, await RunAsync<RoundClosingReminderJob>(app));
        app.Clock.SetUtcNow(Utc(2026, 10, 18, 23, 0));
        Assert.Equal(1, await RunAsync<RoundClosingReminderJob>(app));
        Assert.Equal(0, await RunAsync<RoundClosingReminderJob>(app));

        var reminder = Assert.Single(await RemindersAsync(app, "RoundClosing"));
        Assert.Contains("Monday 26 October 2026, 12:00pm (GMT)", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_application_gets_no_closing_reminder()
    {
        await using var app = new GrantsHubFactory(now: Utc(2027, 3, 28, 9, 0));
        var draft = await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));
        await app.WithDbAsync(db => db.Applications.Where(a => a.Id == draft)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Domain.Applications.ApplicationStatus.Submitted)));

        Assert.Equal(0, await RunAsync<RoundClosingReminderJob>(app));
    }

    [Fact]
    public async Task Scoring_due_comes_three_days_before_the_panel_deadline_and_overdue_the_day_after_it()
    {
        await using var smtp = new TestSmtpServer();
        // Panel deadline Monday 26 October 2026 17:00 GMT; three days before is Friday 23 October, which starts at 23:00 UTC on the 22nd (BST).
        await using var app = new GrantsHubFactory(smtp.AppSettings(), now: Utc(2026, 10, 22, 22, 59));
        await PanelDueAtAsync(app, new DateTime(2026, 10, 26, 17, 0, 0));

        await RunEveryJobAsync(app);
        Assert.Empty(smtp.Messages);

        app.Clock.SetUtcNow(Utc(2026, 10, 22, 23, 0));
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        var due = Assert.Single(smtp.Messages); // only assessor 1: assessor 2 has submitted
        Assert.Equal(DemoDataSeeder.Assessor1Email, due.To.Mailboxes.Single().Address);
        Assert.StartsWith("Scoring for Assessment round", due.Subject, StringComparison.Ordinal);
        Assert.EndsWith("is due soon: 2 applications to score", due.Subject, StringComparison.Ordinal);
        Assert.Contains("Dear Tom Okafor", due.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 26 October 2026, 5:00pm (GMT)", due.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/assessor", due.TextBody, StringComparison.Ordinal);

        app.Clock.SetUtcNow(Utc(2026, 10, 26, 23, 59)); // the evening of the deadline day: not yet overdue
        await RunEveryJobAsync(app);
        Assert.Single(smtp.Messages);

        app.Clock.SetUtcNow(Utc(2026, 10, 27, 0, 0));
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.EndsWith("is overdue: 2 applications not scored", smtp.Messages.Last().Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_wait_while_smtp_is_down_then_go_exactly_once()
    {
        var port = TestSmtpServer.FreePort();
        await using var app = new GrantsHubFactory(TestSmtpServer.SettingsFor(port), now: Utc(2027, 3, 28, 9, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2027, 3, 29, 12, 0, 0));

        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        var pending = Assert.Single(await RemindersAsync(app, "RoundClosing"));
        Assert.Equal(OutboxStatus.Pending, pending.Status);

        await using var smtp = new TestSmtpServer(port);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);

        Assert.Single(smtp.Messages);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RemindersAsync(app, "RoundClosing")).Status);
    }

    [Fact]
    public async Task A_dispatcher_stopped_between_sending_and_recording_duplicates_only_that_one_email()
    {
        await using var smtp = new TestSmtpServer();
        await using var app = new GrantsHubFactory(smtp.AppSettings(), now: Utc(2026, 10, 22, 23, 0));
        await PanelDueAtAsync(app, new DateTime(2026, 10, 26, 17, 0, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2026, 10, 26, 12, 0, 0));
        await RunAsync<RoundClosingReminderJob>(app);
        await RunAsync<ScoringReminderJob>(app);
        var rows = await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Subject).ToListAsync());
        Assert.Equal(2, rows.Count);

        // The process dies after the first message reached the SMTP server but before it was recorded as sent.
        await app.WithServiceAsync<IServiceProvider, int>(async services =>
        {
            var dying = ActivatorUtilities.CreateInstance<EmailDispatchJob>(services, new DiesAfterSending(services.GetRequiredService<IEmailSender>()));
            await Assert.ThrowsAsync<OperationCanceledException>(() => dying.RunAsync(CancellationToken.None));
            return 0;
        });
        Assert.Single(smtp.Messages);

        await RunAsync<EmailDispatchJob>(app); // the other row goes; the claimed one waits for its lease
        Assert.Equal(2, smtp.Messages.Count);
        app.Clock.Advance(EmailDispatchJob.ClaimLease);
        await RunAsync<EmailDispatchJob>(app);
        await RunAsync<EmailDispatchJob>(app);

        var subjects = smtp.Messages.Select(m => m.Subject).ToList();
        Assert.Equal(3, subjects.Count);
        Assert.Equal(2, subjects.Count(s => s == rows[0]));
        Assert.Equal(1, subjects.Count(s => s == rows[1]));
        Assert.All(await app.WithDbAsync(db => db.Outbox.ToListAsync()), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_funders_own_lead_time_moves_the_scoring_reminder()
    {
        await using var app = new GrantsHubFactory(now: Utc(2026, 10, 19, 9, 0));
        await PanelDueAtAsync(app, new DateTime(2026, 10, 26, 17, 0, 0));
        Assert.Equal(0, await RunAsync<ScoringReminderJob>(app)); // 7 days before; the default is 3

        await app.WithDbAsync(async db =>
        {
            var funder = await db.Funders.SingleAsync(f => f.Name == DemoDataSeeder.FunderName);
            db.FunderReminderSettings.Add(new Domain.Reminders.FunderReminderSettings { FunderId = funder.Id, ScoringDueDays = 7 });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(1, await RunAsync<ScoringReminderJob>(app));
    }

    /// <summary>Delivers the message, then stops the dispatcher as a crash or shutdown would, before it can record the send.</summary>
    private sealed class DiesAfterSending(IEmailSender inner) : IEmailSender
    {
        private bool _died;

        public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            var id = await inner.SendAsync(message, cancellationToken);
            if (!_died)
            {
                _died = true;
                throw new OperationCanceledException("The dispatcher was stopped.");
            }

            return id;
        }
    }
}
