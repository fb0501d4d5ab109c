using System.Globalization;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.Benchmarks;

/// <summary>
/// Times each reminder job's scan (a fresh scope, its queries through EF, and the work in memory that decides who
/// is due and builds each email's model, as when Hangfire runs it) against the bare SQL it is built on: the same
/// commands, captured from the scan, sent by hand on a fresh connection with every value of every row read.
/// Nothing is written. Each figure is the median of the runs, scan and bare taken in turn.
/// </summary>
public static class ScanBenchmark
{
    public static readonly Type[] Jobs =
    [
        typeof(RoundClosingReminderJob), typeof(ScoringReminderJob), typeof(ScoringOverdueReminderJob), typeof(OfferAcceptanceReminderJob),
        typeof(MilestoneDueReminderJob), typeof(MilestoneOverdueReminderJob), typeof(MonitoringReportDueReminderJob),
        typeof(MonitoringReportOverdueReminderJob), typeof(AgreementReviewReminderJob), typeof(AgreementExpiryReminderJob),
    ];

    public const int WarmUpRuns = 30;

    public static async Task RunAsync(IServiceProvider services, int runs, string? job, TextWriter output)
    {
        var recorder = services.GetRequiredService<CommandRecorder>();
        // The key that signs unsubscribe links exists before anything is timed: on a fresh database the first scan
        // would otherwise create and store it, inside the figure.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("GrantsHub.Benchmarks").Protect("ready");
        var clock = services.GetRequiredService<TimeProvider>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reminder scans at {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC, median of {runs} runs after {WarmUpRuns} untimed ones (target: scan <= 3x its bare query)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"job",-36} {"due",7} {"rows",7} {"queries",7} {"scan ms",9} {"bare ms",9} {"ratio",6}"));
        foreach (var type in Jobs.Where(j => job is null || j.Name == job))
        {
            recorder.Start();
            var due = await ScanAsync(services, type);
            var commands = recorder.Stop();
            var rows = await BareAsync(services, commands);
            // Untimed runs first, as for the pages: the runtime optimises code only after it has run a while (tiered
            // compilation), and a job scheduled every hour runs on the same warm query pipeline as the pages.
            for (var warm = 0; warm < WarmUpRuns; warm++)
            {
                await ScanAsync(services, type);
                await BareAsync(services, commands);
            }

            var scan = new List<double>();
            var bare = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var started = TimeProvider.System.GetTimestamp();
                await ScanAsync(services, type);
                scan.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
                started = TimeProvider.System.GetTimestamp();
                await BareAsync(services, commands);
                bare.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }

            var (scanMs, bareMs) = (Median(scan), Median(bare));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {type.Name,-36} {due,7:N0} {rows,7:N0} {commands.Count,7} {scanMs,9:F1} {bareMs,9:F1} {scanMs / bareMs,6:F2}"));
        }
    }

    private static async Task<int> ScanAsync(IServiceProvider services, Type type)
    {
        await using var scope = services.CreateAsyncScope();
        var job = (IReminderJob)scope.ServiceProvider.GetRequiredService(type);
        return (await job.ScanAsync(CancellationToken.None)).Count;
    }

    /// <summary>Sends the recorded commands by hand and reads every value; returns the number of rows.</summary>
    internal static async Task<int> BareAsync(IServiceProvider services, IReadOnlyList<RecordedCommand> commands)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = 0;
        foreach (var recorded in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = recorded.Text;
            foreach (var parameter in recorded.Parameters)
            {
                command.Parameters.Add(parameter.For(command));
            }

            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        await connection.CloseAsync();
        return rows;
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
