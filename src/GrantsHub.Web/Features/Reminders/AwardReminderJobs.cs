using System.Globalization;
using System.Linq.Expressions;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed class AwardReminderEmail : EmailModel
{
    public required string OrganisationName { get; init; }
    public required string AwardReference { get; init; }
    public required string Message { get; init; }
    public required string DueDate { get; init; }
    public required string ActionText { get; init; }
    public required string Link { get; init; }
}

/// <summary>Something of a grant with a UK due date, and one organisation member to tell about it.</summary>
internal sealed record AwardDeadline(int SubjectId, string Title, DateOnly Due, int AwardId, string AwardReference, int FunderId, string Organisation,
    string UserId, string Email, string DisplayName);

/// <summary>What the award reminder kinds share: the recipients (every member of the organisation) and the email.</summary>
internal static class AwardReminders
{
    public const string Template = "/Features/Reminders/Emails/AwardReminder";

    /// <summary>The organisation's page for the grant, where evidence, reports and the offer are.</summary>
    public static string AwardPage(int awardId) => string.Create(CultureInfo.InvariantCulture, $"/awards/{awardId}");

    /// <summary>
    /// Joins a job's subjects (between two UK days) to every member of the organisation, and compiles the whole query once.
    /// The scans run every hour and most find nothing, so composing and translating the query on each run was most of their cost.
    /// </summary>
    public static Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> CompileWithRecipients(
        Expression<Func<GrantsHubDbContext, DateOnly, DateOnly, IQueryable<SubjectRow>>> subjects)
    {
        Expression<Func<IQueryable<SubjectRow>, GrantsHubDbContext, IQueryable<AwardDeadline>>> withRecipients = (rows, db) =>
            from s in rows
            join a in db.Awards on s.AwardId equals a.Id
            join o in db.Organisations on a.OrganisationId equals o.Id
            join m in db.OrganisationMembers on a.OrganisationId equals m.OrganisationId
            join u in db.Users on m.UserId equals u.Id
            where u.Email != null
            select new AwardDeadline(s.Id, s.Title, s.Due, a.Id, a.Reference, a.FunderId, o.Name, u.Id, u.Email!, u.DisplayName);
        var body = CompiledOver.Spliced(withRecipients, subjects.Body, subjects.Parameters[0]);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<GrantsHubDbContext, DateOnly, DateOnly, IQueryable<AwardDeadline>>>(body, subjects.Parameters));
    }

    public static void Add(ReminderBatch batch, ReminderLinks links, ReminderKind kind, AwardDeadline row, string occurrence, string subject, string message, string action)
    {
        var link = links.Absolute(AwardPage(row.AwardId));
        batch.Add(string.Create(CultureInfo.InvariantCulture, $"reminder:{kind}:{row.SubjectId}:{row.UserId}:{occurrence}"),
            kind, row.FunderId, new ReminderRecipient(row.UserId, row.Email, row.DisplayName), Template, link,
            new AwardReminderEmail
            {
                Subject = subject, RecipientName = row.DisplayName, OrganisationName = row.Organisation, AwardReference = row.AwardReference,
                Message = message, DueDate = Long(row.Due), ActionText = action, Link = link,
            });
    }

    public static string Long(DateOnly day) => day.ToString("dddd d MMMM yyyy", UkTime.Culture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => ReminderTiming.Day(clock.GetUtcNow(), UkTime.Zone);

    /// <summary>Built with an initialiser, not a constructor, so EF can join on it in SQL.</summary>
    internal sealed class SubjectRow
    {
        public int Id { get; init; }
        public int AwardId { get; init; }
        public string Title { get; init; } = "";
        public DateOnly Due { get; init; }
    }
}

/// <summary>A week and a day before an unanswered offer's reply-by date, tells the organisation's members (essential: an unanswered offer can lapse).</summary>
public sealed class OfferAcceptanceReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    private static readonly Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> Rows = AwardReminders.CompileWithRecipients((db, today, until) =>
        db.Awards.AsNoTracking().Where(a => a.Status == AwardStatus.Offered && a.RespondBy != null && a.RespondBy >= today && a.RespondBy <= until)
            .Select(a => new AwardReminders.SubjectRow { Id = a.Id, AwardId = a.Id, Title = a.Reference, Due = a.RespondBy!.Value }));

    private static readonly int[] OfferLeadDays = [7, 1];

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var until = today.AddDays(OfferLeadDays.Max());
        var rows = await Rows(db, today, until).ToListAsync(cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            if (ReminderTiming.StageBefore(row.Due, today, OfferLeadDays) is { } days)
            {
                AwardReminders.Add(batch, links, ReminderKind.OfferAwaitingAcceptance, row, string.Create(CultureInfo.InvariantCulture, $"{days}d-{AwardReminders.Iso(row.Due)}"),
                    $"Your grant offer {row.AwardReference} is waiting for your answer",
                    $"{row.Organisation} has been offered grant {row.AwardReference}. A signatory needs to accept or decline the offer by the end of the day below.",
                    "Answer the offer");
            }
        }

        return batch;
    }
}

/// <summary>Two weeks before a milestone is due (per funder) and on the day.</summary>
public sealed class MilestoneDueReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    private static readonly Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> Rows = AwardReminders.CompileWithRecipients((db, today, until) =>
        db.Milestones.AsNoTracking().Where(m => m.Award!.Status == AwardStatus.Active && m.DueDate >= today && m.DueDate <= until
                && (m.Stage == MilestoneStage.Planned || m.Stage == MilestoneStage.InProgress || m.Stage == MilestoneStage.ChangesRequested))
            .Select(m => new AwardReminders.SubjectRow { Id = m.Id, AwardId = m.AwardId, Title = m.Title, Due = m.DueDate }));

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var settings = await ReminderSettingsLookup.LoadAsync(db, cancellationToken);
        var until = today.AddDays((int)settings.Horizon(s => s.MilestoneDueDays).TotalDays);
        var rows = await Rows(db, today, until).ToListAsync(cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            if (ReminderTiming.StageBefore(row.Due, today, [settings.For(row.FunderId).MilestoneDueDays, 0]) is { } days)
            {
                AwardReminders.Add(batch, links, ReminderKind.MilestoneDue, row, string.Create(CultureInfo.InvariantCulture, $"{days}d-{AwardReminders.Iso(row.Due)}"),
                    $"Milestone \"{row.Title}\" is due {RoundClosingReminderJob.When(row.Due.DayNumber - today.DayNumber)}",
                    $"The milestone \"{row.Title}\" of grant {row.AwardReference} is due. Send your evidence by the end of the day below.",
                    "Send milestone evidence");
            }
        }

        return batch;
    }
}

/// <summary>Once a week while a milestone is overdue (essential: payments can be held).</summary>
public sealed class MilestoneOverdueReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    private static readonly Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> Rows = AwardReminders.CompileWithRecipients((db, today, _) =>
        db.Milestones.AsNoTracking().Where(m => m.Award!.Status == AwardStatus.Active && m.DueDate < today
                && (m.Stage == MilestoneStage.Planned || m.Stage == MilestoneStage.InProgress || m.Stage == MilestoneStage.ChangesRequested))
            .Select(m => new AwardReminders.SubjectRow { Id = m.Id, AwardId = m.AwardId, Title = m.Title, Due = m.DueDate }));

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var rows = await Rows(db, today, today).ToListAsync(cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            var week = ReminderTiming.OverdueWeek(row.Due, today)!.Value;
            AwardReminders.Add(batch, links, ReminderKind.MilestoneOverdue, row, string.Create(CultureInfo.InvariantCulture, $"week-{week}-{AwardReminders.Iso(row.Due)}"),
                $"Milestone \"{row.Title}\" is overdue",
                $"The milestone \"{row.Title}\" of grant {row.AwardReference} was due on the day below and we have no evidence yet. Payments linked to it wait until it is approved.",
                "Send milestone evidence");
        }

        return batch;
    }
}

/// <summary>Before a monitoring report is due (per funder) and on the day.</summary>
public sealed class MonitoringReportDueReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    private static readonly Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> Rows = AwardReminders.CompileWithRecipients((db, today, until) =>
        db.MonitoringReports.AsNoTracking().Where(r => r.Award!.Status == AwardStatus.Active && r.DueDate >= today && r.DueDate <= until
                && (r.Stage == ReportStage.NotStarted || r.Stage == ReportStage.ChangesRequested))
            .Select(r => new AwardReminders.SubjectRow { Id = r.Id, AwardId = r.AwardId, Title = r.Title, Due = r.DueDate }));

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var settings = await ReminderSettingsLookup.LoadAsync(db, cancellationToken);
        var until = today.AddDays((int)settings.Horizon(s => s.MonitoringReportDueDays).TotalDays);
        var rows = await Rows(db, today, until).ToListAsync(cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            if (ReminderTiming.StageBefore(row.Due, today, [settings.For(row.FunderId).MonitoringReportDueDays, 0]) is { } days)
            {
                AwardReminders.Add(batch, links, ReminderKind.MonitoringReportDue, row, string.Create(CultureInfo.InvariantCulture, $"{days}d-{AwardReminders.Iso(row.Due)}"),
                    $"Your report \"{row.Title}\" is due {RoundClosingReminderJob.When(row.Due.DayNumber - today.DayNumber)}",
                    $"The monitoring report \"{row.Title}\" for grant {row.AwardReference} is due by the end of the day below.",
                    "Write your report");
            }
        }

        return batch;
    }
}

/// <summary>Once a week while a monitoring report is overdue (essential: payments can be held).</summary>
public sealed class MonitoringReportOverdueReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    private static readonly Func<GrantsHubDbContext, DateOnly, DateOnly, IAsyncEnumerable<AwardDeadline>> Rows = AwardReminders.CompileWithRecipients((db, today, _) =>
        db.MonitoringReports.AsNoTracking().Where(r => r.Award!.Status == AwardStatus.Active && r.DueDate < today
                && (r.Stage == ReportStage.NotStarted || r.Stage == ReportStage.ChangesRequested))
            .Select(r => new AwardReminders.SubjectRow { Id = r.Id, AwardId = r.AwardId, Title = r.Title, Due = r.DueDate }));

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var rows = await Rows(db, today, today).ToListAsync(cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            var week = ReminderTiming.OverdueWeek(row.Due, today)!.Value;
            AwardReminders.Add(batch, links, ReminderKind.MonitoringReportOverdue, row, string.Create(CultureInfo.InvariantCulture, $"week-{week}-{AwardReminders.Iso(row.Due)}"),
                $"Your report \"{row.Title}\" is overdue",
                $"The monitoring report \"{row.Title}\" for grant {row.AwardReference} was due on the day below and has not been sent. Payments may wait until it is.",
                "Write your report");
        }

        return batch;
    }
}
