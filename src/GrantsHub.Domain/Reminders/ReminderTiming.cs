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
    public static int? StageBefore(DateTimeOffset deadline, DateTimeOffset now, IEnumerable<int> leadDays, TimeZoneInfo zone)
    {
        if (now > deadline)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var deadlineDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, zone).DateTime);
        int? stage = null;
        foreach (var lead in leadDays.Where(l => l >= 0).Distinct().OrderByDescending(l => l))
        {
            if (today >= deadlineDay.AddDays(-lead))
            {
                stage = lead;
            }
        }

        return stage;
    }

    /// <summary>True from the calendar day after the deadline (in <paramref name="zone"/>) for <paramref name="window"/> days.</summary>
    public static bool IsOverdue(DateTimeOffset deadline, DateTimeOffset now, TimeZoneInfo zone, int window = 14)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var deadlineDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, zone).DateTime);
        return now > deadline && today > deadlineDay && today <= deadlineDay.AddDays(window);
    }

    /// <summary>Weekly occurrence number since the deadline (1 for the first week overdue), or null when not overdue.</summary>
    public static int? OverdueWeek(DateTimeOffset deadline, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var deadlineDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, zone).DateTime);
        if (now <= deadline || today <= deadlineDay)
        {
            return null;
        }

        return ((today.DayNumber - deadlineDay.DayNumber - 1) / 7) + 1;
    }
}
