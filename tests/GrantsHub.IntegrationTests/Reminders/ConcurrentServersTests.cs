using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantsHub.IntegrationTests.Reminders.ReminderScenario;

namespace GrantsHub.IntegrationTests.Reminders;

public sealed class ConcurrentServersTests
{
    /// <summary>
    /// Two Hangfire servers on one job storage, each reminder job triggered many times at once: the
    /// PostgreSQL storage in the PostgreSQL run (the scale-out set-up), the SQLite storage otherwise.
    /// </summary>
    [Fact]
    public async Task Two_hangfire_servers_running_the_same_recurring_jobs_write_and_send_each_reminder_once()
    {
        await using var smtp = new TestSmtpServer();
        var settings = smtp.AppSettings();
        settings["Jobs:QueuePollMilliseconds"] = "200";
        await using var app = new GrantsHubFactory(settings, now: Utc(2026, 10, 22, 23, 0));
        await DraftInRoundClosingAtAsync(app, new DateTime(2026, 10, 26, 12, 0, 0));
        await PanelDueAtAsync(app, new DateTime(2026, 10, 26, 17, 0, 0));

        var storage = app.Services.GetRequiredService<JobStorage>();
        var activator = app.Services.GetRequiredService<JobActivator>();
        var options = new BackgroundJobServerOptions { WorkerCount = 4, SchedulePollingInterval = TimeSpan.FromMilliseconds(200), Activator = activator };
        using var first = new BackgroundJobServer(options, storage);
        using var second = new BackgroundJobServer(options, storage);
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        for (var i = 0; i < 4; i++)
        {
            manager.Trigger(JobSchedule.RoundClosing);
            manager.Trigger(JobSchedule.ScoringDue);
        }

        await WaitUntilAsync(() => storage.GetMonitoringApi() is var m && m.SucceededListCount() >= 8 && m.EnqueuedCount("default") == 0 && m.ProcessingCount() == 0
            && smtp.Messages.Count >= 2);

        Assert.Equal(2, await app.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(0, storage.GetMonitoringApi().FailedCount());
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, smtp.Messages.Select(m => m.Subject).Distinct().Count());
    }

    /// <summary>Waits for background servers to finish; polls a condition rather than sleeping a fixed time.</summary>
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!done())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
