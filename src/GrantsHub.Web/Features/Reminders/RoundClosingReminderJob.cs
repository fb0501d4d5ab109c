using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Reminders;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed class RoundClosingEmail : EmailModel
{
    public required string OrganisationName { get; init; }
    public required string ProjectTitle { get; init; }
    public required string RoundTitle { get; init; }
    public required string Deadline { get; init; }
    public required string DraftUrl { get; init; }
}

/// <summary>A draft in a round closing soon, and one member of its organisation to tell.</summary>
internal sealed record DraftMember(int Id, string ProjectTitle, string Organisation, string RoundTitle, DateTimeOffset ClosesAt, int FunderId,
    string UserId, string Email, string DisplayName);

/// <summary>
/// Reminds every member of an organisation with an unsubmitted draft that its round closes soon:
/// a week before and the day before (each funder may change both). One query finds every draft in
/// rounds closing within the longest lead time; the stage is worked out per funder in memory.
/// </summary>
public sealed class RoundClosingReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    public const string Template = "/Features/Reminders/Emails/RoundClosing";

    // Compiled once: the scan runs every hour, and translating the query each time cost as much as its SQL.
    private static readonly Func<GrantsHubDbContext, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<DraftMember>> Drafts =
        EF.CompileAsyncQuery((GrantsHubDbContext db, DateTimeOffset now, DateTimeOffset until) =>
            from a in db.Applications.AsNoTracking()
            where a.Status == ApplicationStatus.Draft && a.Round!.Stage == RoundStage.Published && a.Round.ClosesAt >= now && a.Round.ClosesAt <= until
            join m in db.OrganisationMembers on a.OrganisationId equals m.OrganisationId
            join u in db.Users on m.UserId equals u.Id
            where u.Email != null
            select new DraftMember(a.Id, a.ProjectTitle, a.Organisation!.Name, a.Round!.Title, a.Round.ClosesAt, a.Round.Programme!.FunderId, u.Id, u.Email!, u.DisplayName));

    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public async Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await ReminderSettingsLookup.LoadAsync(db, cancellationToken);
        var until = now + settings.Horizon(s => Math.Max(s.RoundClosingFirstDays, s.RoundClosingFinalDays));
        var due = await Drafts(db, now, until).ToListAsync(cancellationToken);

        var batch = new ReminderBatch();
        foreach (var row in due)
        {
            var lead = ReminderTiming.StageBefore(row.ClosesAt, now, settings.For(row.FunderId).RoundClosingLeads, UkTime.Zone);
            if (lead is not { } days)
            {
                continue;
            }

            var deadlineDay = DateOnly.FromDateTime(UkTime.ToLocal(row.ClosesAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var left = ReminderTiming.Day(row.ClosesAt, UkTime.Zone).DayNumber - ReminderTiming.Day(now, UkTime.Zone).DayNumber;
            var link = links.Absolute(string.Create(CultureInfo.InvariantCulture, $"/applications/{row.Id}"));
            batch.Add(string.Create(CultureInfo.InvariantCulture, $"reminder:{ReminderKind.RoundClosing}:{row.Id}:{row.UserId}:{days}d-{deadlineDay}"),
                ReminderKind.RoundClosing, row.FunderId, new ReminderRecipient(row.UserId, row.Email, row.DisplayName), Template, link,
                new RoundClosingEmail
                {
                    Subject = $"{row.RoundTitle} closes {When(left)}: your draft is not submitted",
                    RecipientName = row.DisplayName, OrganisationName = row.Organisation, ProjectTitle = row.ProjectTitle, RoundTitle = row.RoundTitle,
                    Deadline = UkTime.Format(row.ClosesAt), DraftUrl = link,
                });
        }

        return batch;
    }

    /// <summary>"today", "tomorrow" or "in 3 days", counting UK calendar days.</summary>
    public static string When(int daysLeft) => daysLeft switch
    {
        <= 0 => "today",
        1 => "tomorrow",
        _ => string.Create(CultureInfo.InvariantCulture, $"in {daysLeft} days"),
    };
}
