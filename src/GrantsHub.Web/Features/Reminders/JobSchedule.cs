using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Jobs;
using Hangfire;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>The one list of recurring jobs, each with a stable id and a Europe/London schedule.</summary>
public static class JobSchedule
{
    public const string EmailDispatch = "email-dispatch";
    public const string OpenDataNightly = "open-data-nightly";

    public static void Register(IRecurringJobManager manager, JobsOptions options)
    {
        var london = new RecurringJobOptions { TimeZone = UkTime.Zone };
        manager.AddOrUpdate<EmailDispatchJob>(EmailDispatch, job => job.RunAsync(CancellationToken.None), options.EmailDispatchCron, london);
        manager.AddOrUpdate<OpenData.OpenDataJob>(OpenDataNightly, job => job.RegenerateAllAsync(CancellationToken.None), options.OpenDataCron, london);
    }
}
