using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Reminders;

/// <summary>A funder's lead times for reminders before deadlines, in days. Absent means the defaults.</summary>
public class FunderReminderSettings : IVersioned
{
    public int FunderId { get; set; }
    public int RoundClosingFirstDays { get; set; } = 7;
    public int RoundClosingFinalDays { get; set; } = 1;
    public int ScoringDueDays { get; set; } = 3;
    public int MilestoneDueDays { get; set; } = 14;
    public int MonitoringReportDueDays { get; set; } = 14;
    public int AgreementFirstDays { get; set; } = 60;
    public int AgreementFinalDays { get; set; } = 14;
    public Guid Version { get; set; }

    public int[] RoundClosingLeads => [RoundClosingFirstDays, RoundClosingFinalDays];
    public int[] AgreementLeads => [AgreementFirstDays, AgreementFinalDays];
}

/// <summary>A person has turned off one non-essential kind of reminder.</summary>
public class ReminderOptOut
{
    public required string UserId { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
}
