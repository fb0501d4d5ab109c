namespace GrantsHub.Domain.Reminders;

/// <summary>
/// When a reminder before a deadline is due. Lead times count calendar days in the funder's time
/// zone, so "7 days before" a deadline on 29 March is 22 March all day, whatever the clocks did in
/// between. Several lead times give several stages; a late first run sends only the latest stage.
/// </summary>
public static class ReminderTiming
{
    /// <summary>
    /// The lead time (days) whose stage has been reached, or null when no reminder is due yet or the
    /// deadline has passed. With leads 7 and 1 and a deadline on the 29th: the 22nd to the 27th give 7,
    /// the 28th and the 29th up to the deadline give 1.
    /// </summary>
    public static int? StageBefore(DateTimeOffset deadline, DateTimeOffset now, IEnumerable<int> leadDays, TimeZoneInfo zone) =>
        now > deadline ? null : StageBefore(Day(deadline, zone), Day(now, zone), leadDays);

    /// <summary>The same for a deadline that is a whole UK day (due by the end of <paramref name="due"/>).</summary>
    public static int? StageBefore(DateOnly due, DateOnly today, IEnumerable<int> leadDays)
    {
        if (today > due)
        {
            return null;
        }

        int? stage = null;
        foreach (var lead in leadDays.Where(l => l >= 0).Distinct().OrderByDescending(l => l))
        {
            if (today >= due.AddDays(-lead))
            {
                stage = lead;
            }
        }

        return stage;
    }

    /// <summary>Weeks overdue for a whole-day deadline: 1 from the day after it, 2 a week later, and so on; null when not overdue.</summary>
    public static int? OverdueWeek(DateOnly due, DateOnly today) =>
        today > due ? ((today.DayNumber - due.DayNumber - 1) / 7) + 1 : null;

    public static DateOnly Day(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>True from the calendar day after the deadline (in <paramref name="zone"/>) for <paramref name="window"/> days.</summary>
    public static bool IsOverdue(DateTimeOffset deadline, DateTimeOffset now, TimeZoneInfo zone, int window = 14)
    {
        var today = Day(now, zone);
        var deadlineDay = Day(deadline, zone);
        return now > deadline && today > deadlineDay && today <= deadlineDay.AddDays(window);
    }
}
