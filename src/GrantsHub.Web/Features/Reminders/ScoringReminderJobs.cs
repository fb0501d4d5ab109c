using System.Globalization;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed class ScoringReminderEmail : EmailModel
{
    public required string RoundTitle { get; init; }
    public required string Deadline { get; init; }
    public int Outstanding { get; init; }
    public bool Overdue { get; init; }
    public required string QueueUrl { get; init; }
}

/// <summary>One assessor's unscored assignments on one panel, counted in the database.</summary>
internal sealed record OutstandingScoring(int PanelId, string RoundTitle, int FunderId, DateTimeOffset Deadline, string UserId, string Email, string DisplayName, int Outstanding);

internal static class OutstandingScoringQuery
{
    /// <summary>One grouped query: panels whose deadline is between <paramref name="earliest"/> and <paramref name="latest"/>, per assessor.</summary>
    public static Task<List<OutstandingScoring>> LoadAsync(GrantsHubDbContext db, DateTimeOffset earliest, DateTimeOffset latest, CancellationToken cancellationToken) =>
        Compiled(db, earliest, latest).ToListAsync(cancellationToken).AsTask();

    // Compiled once: the scan runs every hour and usually finds nothing, so translating it each time was most of its cost.
    private static readonly Func<GrantsHubDbContext, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<OutstandingScoring>> Compiled =
        EF.CompileAsyncQuery((GrantsHubDbContext db, DateTimeOffset earliest, DateTimeOffset latest) =>
            from a in db.Assignments.AsNoTracking()
            where a.Score == null || a.Score.Status != ScoreStatus.Submitted
            join pm in db.PanelMembers on a.PanelMemberId equals pm.Id
            join p in db.Panels on pm.PanelId equals p.Id
            join r in db.Rounds on p.RoundId equals r.Id
            join u in db.Users on pm.UserId equals u.Id
            where !p.ScoringLocked && p.ScoringDeadline != null && p.ScoringDeadline >= earliest && p.ScoringDeadline <= latest && u.Email != null
            group a by new { PanelId = p.Id, r.Title, r.Programme!.FunderId, Deadline = p.ScoringDeadline!.Value, UserId = u.Id, u.Email, u.DisplayName } into g
            select new OutstandingScoring(g.Key.PanelId, g.Key.Title, g.Key.FunderId, g.Key.Deadline, g.Key.UserId, g.Key.Email!, g.Key.DisplayName, g.Count()));

    public static void Add(ReminderBatch batch, ReminderLinks links, OutstandingScoring row, ReminderKind kind, string occurrence)
    {
        var overdue = kind == ReminderKind.ScoringOverdue;
        var link = links.Absolute("/assessor");
        var count = row.Outstanding == 1 ? "1 application" : string.Create(CultureInfo.InvariantCulture, $"{row.Outstanding} applications");
        batch.Add(string.Create(CultureInfo.InvariantCulture, $"reminder:{kind}:{row.PanelId}:{row.UserId}:{occurrence}"),
            kind, row.FunderId, new ReminderRecipient(row.UserId, row.Email, row.DisplayName), ScoringReminderJob.Template, link,
            new ScoringReminderEmail
            {
                Subject = overdue ? $"Scoring for {row.RoundTitle} is overdue: {count} not scored" : $"Scoring for {row.RoundTitle} is due soon: {count} to score",
                RecipientName = row.DisplayName, RoundTitle = row.RoundTitle, Deadline = UkTime.Format(row.Deadline), Outstanding = row.Outstanding,
                Overdue = overdue, QueueUrl = link,
            });
    }

    public static string Day(DateTimeOffset deadline) => DateOnly.FromDateTime(UkTime.ToLocal(deadline)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Tells each assessor, a few days before the panel deadline (3 by default, per funder), how many of their applications still need scores.</summary>
public sealed class ScoringReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    public const string Template = "/Features/Reminders/Emails/Scoring";

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await ReminderSettingsLookup.LoadAsync(db, cancellationToken);
        var rows = await OutstandingScoringQuery.LoadAsync(db, now, now + settings.Horizon(s => s.ScoringDueDays), cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            if (ReminderTiming.StageBefore(row.Deadline, now, [settings.For(row.FunderId).ScoringDueDays], UkTime.Zone) is { } days)
            {
                OutstandingScoringQuery.Add(batch, links, row, ReminderKind.ScoringDue, string.Create(CultureInfo.InvariantCulture, $"{days}d-{OutstandingScoringQuery.Day(row.Deadline)}"));
            }
        }

        return batch;
    }
}

/// <summary>Tells each assessor, the day after the panel deadline, which applications they did not score, so they can ask the funder for more time.</summary>
public sealed class ScoringOverdueReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await OutstandingScoringQuery.LoadAsync(db, now - TimeSpan.FromDays(15), now, cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows.Where(r => ReminderTiming.IsOverdue(r.Deadline, now, UkTime.Zone)))
        {
            OutstandingScoringQuery.Add(batch, links, row, ReminderKind.ScoringOverdue, "overdue-" + OutstandingScoringQuery.Day(row.Deadline));
        }

        return batch;
    }
}
