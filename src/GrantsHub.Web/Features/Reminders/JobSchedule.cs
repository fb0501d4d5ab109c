using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Jobs;
using Hangfire;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>The one list of recurring jobs, each with a stable id and a Europe/London schedule.</summary>
public static class JobSchedule
{
    public const string EmailDispatch = "email-dispatch";
    public const string RoundClosing = "reminder-round-closing";
    public const string ScoringDue = "reminder-scoring-due";
    public const string ScoringOverdue = "reminder-scoring-overdue";

    public static void Register(IRecurringJobManager manager, JobsOptions options)
    {
        var london = new RecurringJobOptions { TimeZone = UkTime.Zone };
        manager.AddOrUpdate<EmailDispatchJob>(EmailDispatch, job => job.RunAsync(CancellationToken.None), options.EmailDispatchCron, london);
        manager.AddOrUpdate<RoundClosingReminderJob>(RoundClosing, job => job.RunAsync(CancellationToken.None), options.RoundClosingCron, london);
        manager.AddOrUpdate<ScoringReminderJob>(ScoringDue, job => job.RunAsync(CancellationToken.None), options.ScoringDueCron, london);
        manager.AddOrUpdate<ScoringOverdueReminderJob>(ScoringOverdue, job => job.RunAsync(CancellationToken.None), options.ScoringOverdueCron, london);
    }
}
