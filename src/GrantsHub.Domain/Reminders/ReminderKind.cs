using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Reminders;

/// <summary>Every kind of reminder the platform sends. Stored as text in outbox rows and opt-outs.</summary>
public enum ReminderKind
{
    RoundClosing,
    ScoringDue,
    ScoringOverdue,
    OfferAwaitingAcceptance,
    MilestoneDue,
    MilestoneOverdue,
    MonitoringReportDue,
    MonitoringReportOverdue,
    AgreementReviewDue,
    AgreementExpiry,
}

/// <summary>What a person is told about a kind on the preferences page.</summary>
/// <param name="Role">Who receives this kind (a role in <see cref="Common.Roles"/>); the preferences page shows each person their own kinds.</param>
public sealed record ReminderKindInfo(ReminderKind Kind, string Role, string Title, string Description, string? WhyEssential)
{
    public bool Essential => WhyEssential is not null;
}

/// <summary>The one list of reminder kinds: who they are for and which cannot be turned off.</summary>
public static class ReminderKinds
{
    public static readonly IReadOnlyList<ReminderKindInfo> All =
    [
        new(ReminderKind.RoundClosing, Roles.Applicant, "Round closing soon", "When a round you have an unsubmitted draft for closes in a week, and again the day before.", null),
        new(ReminderKind.ScoringDue, Roles.Assessor, "Scoring due", "When applications you are assigned still need scores a few days before the panel deadline.", null),
        new(ReminderKind.ScoringOverdue, Roles.Assessor, "Scoring overdue", "When the panel deadline has passed and applications you were assigned are not scored.", null),
        new(ReminderKind.OfferAwaitingAcceptance, Roles.Applicant, "Grant offer awaiting acceptance", "A week and a day before the reply-by date of a grant offer your organisation has not answered.",
            "An offer that is not accepted in time can be withdrawn, so we always tell you about it."),
        new(ReminderKind.MilestoneDue, Roles.Applicant, "Milestone due", "Two weeks before a grant milestone is due, and on the day.", null),
        new(ReminderKind.MilestoneOverdue, Roles.Applicant, "Milestone overdue", "Each week while a grant milestone is overdue.",
            "Payments can be held while a milestone is overdue, so we always tell you about it."),
        new(ReminderKind.MonitoringReportDue, Roles.Applicant, "Monitoring report due", "Two weeks before a monitoring report is due, and on the day.", null),
        new(ReminderKind.MonitoringReportOverdue, Roles.Applicant, "Monitoring report overdue", "Each week while a monitoring report is late.",
            "Late monitoring reports can hold up your grant payments, so we always tell you about them."),
        new(ReminderKind.AgreementReviewDue, Roles.Applicant, "Partnership agreement review due", "Before a partnership agreement is due for review.", null),
        new(ReminderKind.AgreementExpiry, Roles.Applicant, "Partnership agreement expiring", "60 and 14 days before a partnership agreement expires.",
            "An expired agreement stops the partnership's funding, so we always tell you about it."),
    ];

    public static ReminderKindInfo Of(ReminderKind kind) => All.Single(k => k.Kind == kind);

    public static bool IsEssential(ReminderKind kind) => Of(kind).Essential;
}
