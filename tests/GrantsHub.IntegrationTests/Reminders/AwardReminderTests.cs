using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using static GrantsHub.IntegrationTests.Reminders.ReminderScenario;

namespace GrantsHub.IntegrationTests.Reminders;

public sealed class AwardReminderTests
{
    [Fact]
    public async Task A_milestone_is_reminded_two_weeks_before_on_the_day_and_weekly_once_overdue()
    {
        await using var smtp = new TestSmtpServer();
        // Due Monday 29 March 2027 (the day after the clocks go forward); 14 days before is Monday 15 March.
        await using var app = new GrantsHubFactory(smtp.AppSettings(), now: Utc(2027, 3, 14, 23, 59));
        await MilestoneDueOnAsync(app, new DateOnly(2027, 3, 29));

        await RunEveryJobAsync(app);
        Assert.Empty(smtp.Messages);

        app.Clock.SetUtcNow(Utc(2027, 3, 15, 0, 0));
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        var first = Assert.Single(smtp.Messages);
        Assert.Equal("Milestone \"Ten walking groups running\" is due in 14 days", first.Subject);
        Assert.Contains("Due: Monday 29 March 2027", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/organisation", first.TextBody, StringComparison.Ordinal);

        app.Clock.SetUtcNow(Utc(2027, 3, 28, 22, 59)); // 28 March 23:59 BST: the day before
        await RunEveryJobAsync(app);
        Assert.Single(smtp.Messages);
        app.Clock.SetUtcNow(Utc(2027, 3, 28, 23, 0)); // 29 March 00:00 BST: the day
        await RunEveryJobAsync(app);
        Assert.Equal("Milestone \"Ten walking groups running\" is due today", smtp.Messages.Last().Subject);

        app.Clock.SetUtcNow(Utc(2027, 3, 29, 23, 0)); // 30 March: overdue, week 1
        await RunEveryJobAsync(app);
        app.Clock.SetUtcNow(Utc(2027, 4, 5, 22, 0)); // 5 April: still week 1
        await RunEveryJobAsync(app);
        Assert.Equal(3, smtp.Messages.Count);
        app.Clock.SetUtcNow(Utc(2027, 4, 5, 23, 0)); // 6 April: week 2
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        Assert.Equal(4, smtp.Messages.Count);
        Assert.All(smtp.Messages.Skip(2), m => Assert.Equal("Milestone \"Ten walking groups running\" is overdue", m.Subject));
        // Overdue milestones are essential: no unsubscribe link.
        Assert.DoesNotContain("/unsubscribe", smtp.Messages.Last().TextBody, StringComparison.Ordinal);
    }
}
