using GrantsHub.Web.Features.PersonalData;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Jobs;
using Hangfire;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>The one list of recurring jobs, each with a stable id and a Europe/London schedule.</summary>
public static class JobSchedule
{
    public const string EmailDispatch = "email-dispatch";
    public const string Retention = "retention";
    public const string RoundClosing = "reminder-round-closing";
    public const string ScoringDue = "reminder-scoring-due";
    public const string ScoringOverdue = "reminder-scoring-overdue";
    public const string OfferAcceptance = "reminder-offer-acceptance";
    public const string MilestoneDue = "reminder-milestone-due";
    public const string MilestoneOverdue = "reminder-milestone-overdue";
    public const string MonitoringReportDue = "reminder-report-due";
    public const string MonitoringReportOverdue = "reminder-report-overdue";
    public const string AgreementReview = "reminder-agreement-review";
    public const string AgreementExpiry = "reminder-agreement-expiry";
    public const string OpenDataNightly = "open-data-nightly";

    public static void Register(IRecurringJobManager manager, JobsOptions options)
    {
        var london = new RecurringJobOptions { TimeZone = UkTime.Zone };
        manager.AddOrUpdate<EmailDispatchJob>(EmailDispatch, job => job.RunAsync(CancellationToken.None), options.EmailDispatchCron, london);
        manager.AddOrUpdate<RetentionJob>(Retention, job => job.RunAsync(CancellationToken.None), "30 2 * * *", london); // nightly, when nobody is applying
        manager.AddOrUpdate<RoundClosingReminderJob>(RoundClosing, job => job.RunAsync(CancellationToken.None), options.RoundClosingCron, london);
        manager.AddOrUpdate<ScoringReminderJob>(ScoringDue, job => job.RunAsync(CancellationToken.None), options.ScoringDueCron, london);
        manager.AddOrUpdate<ScoringOverdueReminderJob>(ScoringOverdue, job => job.RunAsync(CancellationToken.None), options.ScoringOverdueCron, london);
        manager.AddOrUpdate<OfferAcceptanceReminderJob>(OfferAcceptance, job => job.RunAsync(CancellationToken.None), options.OfferAcceptanceCron, london);
        manager.AddOrUpdate<MilestoneDueReminderJob>(MilestoneDue, job => job.RunAsync(CancellationToken.None), options.MilestoneDueCron, london);
        manager.AddOrUpdate<MilestoneOverdueReminderJob>(MilestoneOverdue, job => job.RunAsync(CancellationToken.None), options.MilestoneOverdueCron, london);
        manager.AddOrUpdate<MonitoringReportDueReminderJob>(MonitoringReportDue, job => job.RunAsync(CancellationToken.None), options.MonitoringReportDueCron, london);
        manager.AddOrUpdate<MonitoringReportOverdueReminderJob>(MonitoringReportOverdue, job => job.RunAsync(CancellationToken.None), options.MonitoringReportOverdueCron, london);
        manager.AddOrUpdate<AgreementReviewReminderJob>(AgreementReview, job => job.RunAsync(CancellationToken.None), options.AgreementReviewCron, london);
        manager.AddOrUpdate<AgreementExpiryReminderJob>(AgreementExpiry, job => job.RunAsync(CancellationToken.None), options.AgreementExpiryCron, london);
        manager.AddOrUpdate<OpenData.OpenDataJob>(OpenDataNightly, job => job.RegenerateAllAsync(CancellationToken.None), options.OpenDataCron, london);
    }
}
