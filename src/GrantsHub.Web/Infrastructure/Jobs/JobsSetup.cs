using System.ComponentModel.DataAnnotations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process. Off for web-only instances and most tests.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs. Hangfire's default of 15 s is slow for email.</summary>
    [Range(100, 60000)]
    public int QueuePollMilliseconds { get; set; } = 1000;

    /// <summary>Cron (Europe/London) of the safety-net run of the email dispatcher.</summary>
    [Required]
    public string EmailDispatchCron { get; set; } = "* * * * *";

    /// <summary>Cron (Europe/London) of each reminder scan. Scans are idempotent, so running them more often only costs a query.</summary>
    [Required]
    public string RoundClosingCron { get; set; } = "0 8 * * *";

    [Required]
    public string ScoringDueCron { get; set; } = "0 8 * * *";

    [Required]
    public string ScoringOverdueCron { get; set; } = "0 9 * * *";

    [Required]
    public string OfferAcceptanceCron { get; set; } = "0 8 * * *";

    [Required]
    public string MilestoneDueCron { get; set; } = "0 8 * * *";

    [Required]
    public string MilestoneOverdueCron { get; set; } = "0 9 * * *";

    [Required]
    public string MonitoringReportDueCron { get; set; } = "0 8 * * *";

    [Required]
    public string MonitoringReportOverdueCron { get; set; } = "0 9 * * *";

    [Required]
    public string AgreementReviewCron { get; set; } = "0 8 * * *";

    [Required]
    public string AgreementExpiryCron { get; set; } = "0 8 * * *";
    /// <summary>Cron (Europe/London) of the nightly regeneration of every funder's open data.</summary>
    [Required]
    public string OpenDataCron { get; set; } = "30 2 * * *";
}

public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        services.AddHangfire((sp, config) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var poll = TimeSpan.FromMilliseconds(jobs.QueuePollMilliseconds);
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (db.Provider)
            {
                case DatabaseProvider.Sqlite:
                    // Hangfire.Storage.SQLite is safe for one process only; several instances need PostgreSQL.
                    var file = Path.Combine(PersistenceServiceCollectionExtensions.DataDirectory(db, contentRoot), "hangfire.db");
                    config.UseSQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = poll });
                    break;
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(db.ConnectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = poll, PrepareSchemaIfNecessary = true, SchemaName = "hangfire" });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider {db.Provider}.");
            }
        });

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddScoped<EmailDispatchJob>();
        services.AddScoped<ReminderWriter>();
        services.AddScoped<ReminderLinks>();
        services.AddScoped<RoundClosingReminderJob>();
        services.AddScoped<ScoringReminderJob>();
        services.AddScoped<ScoringOverdueReminderJob>();
        services.AddScoped<OfferAcceptanceReminderJob>();
        services.AddScoped<MilestoneDueReminderJob>();
        services.AddScoped<MilestoneOverdueReminderJob>();
        services.AddScoped<MonitoringReportDueReminderJob>();
        services.AddScoped<MonitoringReportOverdueReminderJob>();
        services.AddScoped<AgreementReviewReminderJob>();
        services.AddScoped<AgreementExpiryReminderJob>();
        services.AddSingleton<IEmailDispatchTrigger, HangfireEmailDispatchTrigger>();
        services.AddScoped<Features.OpenData.OpenDataJob>();
        services.AddSingleton<Features.OpenData.IOpenDataRefresh, Features.OpenData.HangfireOpenDataRefresh>();
        return services;
    }

    /// <summary>Registers every recurring job with its stable id. Safe to run on every instance.</summary>
    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        JobSchedule.Register(manager, options);
    }
}

/// <summary>Asks Hangfire to run the dispatcher now, so an email written to the outbox goes out at once.</summary>
internal sealed class HangfireEmailDispatchTrigger(IBackgroundJobClient client) : IEmailDispatchTrigger
{
    public void DispatchSoon() => client.Enqueue<EmailDispatchJob>(job => job.RunAsync(CancellationToken.None));
}
