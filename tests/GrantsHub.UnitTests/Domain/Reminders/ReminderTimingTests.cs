using GrantsHub.Domain.Reminders;

namespace GrantsHub.UnitTests.Domain.Reminders;

public sealed class ReminderTimingTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly int[] WeekAndDay = [7, 1];

    [Theory]
    [InlineData("2027-03-21", null)]
    [InlineData("2027-03-22", 7)]
    [InlineData("2027-03-27", 7)]
    [InlineData("2027-03-28", 1)]
    [InlineData("2027-03-29", 1)]
    [InlineData("2027-03-30", null)]
    public void A_week_and_a_day_before_a_deadline_count_uk_calendar_days(string today, int? expected) =>
        Assert.Equal(expected, ReminderTiming.StageBefore(new DateOnly(2027, 3, 29), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), WeekAndDay));

    [Fact]
    public void Midnight_in_british_summer_time_starts_the_day_an_hour_before_utc()
    {
        var deadline = new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero); // GMT
        Assert.Null(ReminderTiming.StageBefore(deadline, new DateTimeOffset(2026, 10, 18, 22, 59, 0, TimeSpan.Zero), WeekAndDay, London));
        Assert.Equal(7, ReminderTiming.StageBefore(deadline, new DateTimeOffset(2026, 10, 18, 23, 0, 0, TimeSpan.Zero), WeekAndDay, London));
        Assert.Null(ReminderTiming.StageBefore(deadline, deadline.AddSeconds(1), WeekAndDay, London));
    }

    [Theory]
    [InlineData("2027-03-29", null)]
    [InlineData("2027-03-30", 1)]
    [InlineData("2027-04-05", 1)]
    [InlineData("2027-04-06", 2)]
    public void Overdue_weeks_start_the_day_after_the_due_date(string today, int? week) =>
        Assert.Equal(week, ReminderTiming.OverdueWeek(new DateOnly(2027, 3, 29), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Only_reminders_that_protect_money_or_an_offer_are_essential()
    {
        Assert.True(ReminderKinds.IsEssential(ReminderKind.OfferAwaitingAcceptance));
        Assert.True(ReminderKinds.IsEssential(ReminderKind.MilestoneOverdue));
        Assert.False(ReminderKinds.IsEssential(ReminderKind.RoundClosing));
        Assert.Equal(Enum.GetValues<ReminderKind>().Length, ReminderKinds.All.Count);
    }
}
