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

    public static void Register(IRecurringJobManager manager, JobsOptions options)
    {
        var london = new RecurringJobOptions { TimeZone = UkTime.Zone };
        manager.AddOrUpdate<EmailDispatchJob>(EmailDispatch, job => job.RunAsync(CancellationToken.None), options.EmailDispatchCron, london);
        manager.AddOrUpdate<RetentionJob>(Retention, job => job.RunAsync(CancellationToken.None), "30 2 * * *", london); // nightly, when nobody is applying
    }
}
