using System.Globalization;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>An agreement date coming up, and one member of the lead organisation to tell about it.</summary>
internal sealed record AgreementDeadline(int AgreementId, string Title, DateOnly Due, int LeadOrganisationId, string Organisation, int? FunderId,
    string UserId, string Email, string DisplayName);

/// <summary>What the two agreement kinds share: live agreements, the lead organisation's members, and the email.</summary>
internal static class AgreementReminders
{
    /// <summary>
    /// One query: live agreements (signed, active or under review) whose date falls in the window, with
    /// each lead-organisation member. The funder whose lead times apply is the funder of a linked award, if any.
    /// </summary>
    public static Task<List<AgreementDeadline>> DeadlinesAsync(GrantsHubDbContext db, bool review, DateOnly earliest, DateOnly until, CancellationToken cancellationToken) =>
        Deadlines(db, review, earliest, until).ToListAsync(cancellationToken).AsTask();

    // Compiled once, like the other scans: translating the query on every hourly run cost more than many runs of its SQL.
    private static readonly Func<GrantsHubDbContext, bool, DateOnly, DateOnly, IAsyncEnumerable<AgreementDeadline>> Deadlines =
        EF.CompileAsyncQuery((GrantsHubDbContext db, bool review, DateOnly earliest, DateOnly until) =>
         from a in db.PartnershipAgreements.AsNoTracking()
         where a.Stage == AgreementStage.Signed || a.Stage == AgreementStage.Active || a.Stage == AgreementStage.UnderReview
         let due = review ? a.ReviewOn : (DateOnly?)a.EndsOn
         where due != null && due >= earliest && due <= until && a.EndsOn >= earliest
         join o in db.Organisations on a.LeadOrganisationId equals o.Id
         join m in db.OrganisationMembers on a.LeadOrganisationId equals m.OrganisationId
         join u in db.Users on m.UserId equals u.Id
         where u.Email != null
         select new AgreementDeadline(a.Id, a.Title, due!.Value, a.LeadOrganisationId, o.Name,
             a.Awards.Join(db.Awards, l => l.AwardId, w => w.Id, (l, w) => (int?)w.FunderId).Min(), // from the agreement's links, not every award
             u.Id, u.Email!, u.DisplayName));

    public static async Task<ReminderBatch> BatchAsync(GrantsHubDbContext db, ReminderLinks links, TimeProvider clock, ReminderKind kind, CancellationToken cancellationToken)
    {
        var today = AwardReminders.Today(clock);
        var settings = await ReminderSettingsLookup.LoadAsync(db, cancellationToken);
        var until = today.AddDays((int)settings.Horizon(s => s.AgreementFirstDays).TotalDays);
        var review = kind == ReminderKind.AgreementReviewDue;
        var rows = await DeadlinesAsync(db, review, today, until, cancellationToken);
        var batch = new ReminderBatch();
        foreach (var row in rows)
        {
            var leads = settings.For(row.FunderId ?? 0).AgreementLeads;
            if (ReminderTiming.StageBefore(row.Due, today, leads) is not { } days)
            {
                continue;
            }

            var link = links.Absolute(string.Create(CultureInfo.InvariantCulture, $"/organisation/{row.LeadOrganisationId}/agreements/{row.AgreementId}"));
            var when = RoundClosingReminderJob.When(row.Due.DayNumber - today.DayNumber);
            batch.Add(string.Create(CultureInfo.InvariantCulture, $"reminder:{kind}:{row.AgreementId}:{row.UserId}:{days}d-{AwardReminders.Iso(row.Due)}"),
                kind, row.FunderId, new ReminderRecipient(row.UserId, row.Email, row.DisplayName), AwardReminders.Template, link,
                new AwardReminderEmail
                {
                    Subject = review ? $"Partnership agreement \"{row.Title}\" is due for review {when}" : $"Partnership agreement \"{row.Title}\" ends {when}",
                    RecipientName = row.DisplayName, OrganisationName = row.Organisation, AwardReference = row.Title,
                    Message = review
                        ? $"The partnership agreement \"{row.Title}\" led by {row.Organisation} is due for review on the day below. Agree the review with your partners and record it."
                        : $"The partnership agreement \"{row.Title}\" led by {row.Organisation} ends on the day below. Agree with your partners whether to renew it.",
                    DueDate = AwardReminders.Long(row.Due), ActionText = "Open the agreement", Link = link,
                });
        }

        return batch;
    }
}

/// <summary>60 and 14 days (per funder) before a live agreement's review date.</summary>
public sealed class AgreementReviewReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken) =>
        AgreementReminders.BatchAsync(db, links, clock, ReminderKind.AgreementReviewDue, cancellationToken);
}

/// <summary>60 and 14 days (per funder) before a live agreement ends (essential: partners lose cover when it lapses).</summary>
public sealed class AgreementExpiryReminderJob(GrantsHubDbContext db, ReminderWriter writer, ReminderLinks links, TimeProvider clock) : IReminderJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) => await writer.WriteAsync(await ScanAsync(cancellationToken), cancellationToken);

    /// <summary>Finds who is due a reminder now, without writing anything.</summary>
    public Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken) =>
        AgreementReminders.BatchAsync(db, links, clock, ReminderKind.AgreementExpiry, cancellationToken);
}
