using System.Globalization;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Deadlines are shown and entered in UK time (Europe/London) and stored as UTC instants.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The calendar date in London at this instant: what "today" means for due dates.</summary>
    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>
    /// Interprets a wall-clock time in London. In the autumn hour that happens twice the earlier
    /// (BST) instant is taken; a time in the spring gap does not exist and is moved forward an hour.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(unspecified)
            ? Zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>e.g. "Sunday 29 March 2026, 12:00pm (BST)".</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var suffix = Zone.IsDaylightSavingTime(local) ? "BST" : "GMT";
        var time = local.ToString("h:mmtt", Culture).ToLower(Culture);
        return $"{local.ToString("dddd d MMMM yyyy", Culture)}, {time} ({suffix})";
    }

    public static string FormatDate(DateTimeOffset instant) => ToLocal(instant).ToString("d MMMM yyyy", Culture);
}
