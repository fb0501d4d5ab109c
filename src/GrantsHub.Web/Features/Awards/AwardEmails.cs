using System.Globalization;
using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Awards;

public sealed class AwardEmail : EmailModel
{
    public required string Headline { get; init; }
    public required string OrganisationName { get; init; }
    public required string Reference { get; init; }
    public string? Comment { get; init; }
    public required string AwardUrl { get; init; }
}

/// <summary>Tells every member of the organisation about an event on its award, through the outbox.</summary>
public sealed class AwardEmails(GrantsHubDbContext db, Outbox outbox)
{
    public async Task SendAsync(Award award, string kind, string eventKey, string subject, string headline, string? comment, string awardUrl)
    {
        var organisation = await db.Organisations.Where(o => o.Id == award.OrganisationId).Select(o => o.Name).SingleAsync();
        var recipients = await db.OrganisationMembers.Where(m => m.OrganisationId == award.OrganisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync();
        foreach (var recipient in recipients.Where(r => r.Email is not null))
        {
            await outbox.AddAsync(string.Create(CultureInfo.InvariantCulture, $"award:{award.Id}:{eventKey}:{recipient.Id}"), kind,
                recipient.Email!, recipient.DisplayName, recipient.Id, "/Features/Awards/Emails/AwardNotice",
                new AwardEmail
                {
                    Subject = subject, RecipientName = recipient.DisplayName, Headline = headline, OrganisationName = organisation,
                    Reference = award.Reference, Comment = comment, AwardUrl = awardUrl,
                });
        }
    }
}
