using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Email;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public interface IEmailDispatchTrigger
{
    void DispatchSoon();
}

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubled after each failed attempt.</summary>
    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 10000)]
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Writes emails to the outbox. The key makes each email unique, so a job or request that runs
/// twice adds the row once; the caller's SaveChanges commits it with the change it reports.
/// </summary>
public sealed class Outbox(GrantsHubDbContext db, TimeProvider clock, IEmailRenderer renderer)
{
    /// <param name="funderId">The funder the email is about, so its admins see it on their outbox page.</param>
    /// <param name="link">The page it points to; a row with a user and a link also shows as an in-app notification.</param>
    public async Task<bool> AddAsync<TModel>(string key, string kind, string toAddress, string? toName, string? toUserId, string template, TModel model,
        int? funderId = null, string? link = null)
        where TModel : EmailModel
    {
        if (await db.Outbox.AnyAsync(m => m.Key == key) || db.Outbox.Local.Any(m => m.Key == key))
        {
            return false;
        }

        var rendered = await renderer.RenderAsync(template, model);
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Key = key,
            Kind = kind,
            ToAddress = toAddress,
            ToName = toName,
            ToUserId = toUserId,
            Subject = model.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            FunderId = funderId,
            LinkUrl = link,
        });
        return true;
    }
}
