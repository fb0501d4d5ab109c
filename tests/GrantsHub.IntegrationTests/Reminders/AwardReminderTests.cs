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
        Assert.Matches("http://localhost:5080/awards/[0-9]+", first.TextBody);

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

    [Fact]
    public async Task A_partnership_agreement_is_reminded_sixty_and_fourteen_days_before_its_review_and_its_end_once_each()
    {
        await using var smtp = new TestSmtpServer();
        // Review on Monday 29 March 2027, the day after the clocks go forward; the agreement ends on 30 November 2027.
        await using var app = new GrantsHubFactory(smtp.AppSettings(), now: Utc(2027, 1, 27, 23, 59));
        var id = await AgreementAsync(app, reviewOn: new DateOnly(2027, 3, 29), endsOn: new DateOnly(2027, 11, 30));

        await RunEveryJobAsync(app);
        Assert.Empty(smtp.Messages); // 28 January 2027 is the 60-day mark, not yet

        app.Clock.SetUtcNow(Utc(2027, 1, 28, 0, 0));
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        var first = Assert.Single(smtp.Messages);
        Assert.Equal("Partnership agreement \"Peer support in libraries\" is due for review in 60 days", first.Subject);
        Assert.Contains("Due: Monday 29 March 2027", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{id}", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe", first.TextBody, StringComparison.Ordinal); // a review reminder can be turned off

        app.Clock.SetUtcNow(Utc(2027, 3, 15, 0, 0)); // 14 days before, still GMT
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal("Partnership agreement \"Peer support in libraries\" is due for review in 14 days", smtp.Messages.Last().Subject);

        app.Clock.SetUtcNow(Utc(2027, 10, 1, 0, 0)); // 60 days before 30 November (BST still)
        await RunEveryJobAsync(app);
        await RunEveryJobAsync(app);
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Equal("Partnership agreement \"Peer support in libraries\" ends in 60 days", smtp.Messages.Last().Subject);
        Assert.DoesNotContain("/unsubscribe", smtp.Messages.Last().TextBody, StringComparison.Ordinal); // expiry is essential
    }
}
