using GrantsHub.Domain.Email;
using GrantsHub.Infrastructure.Email;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>
/// Sends pending outbox rows. Each row is claimed with a conditional update before sending, so two
/// dispatchers never send the same row; a dispatcher that dies between sending and recording can
/// cause at most one duplicate of that one row, when its claim expires.
/// </summary>
public sealed class EmailDispatchJob(
    GrantsHubDbContext db,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<EmailDispatchJob> logger)
{
    /// <summary>How long a claimed row is left alone before another dispatcher may try it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private readonly OutboxOptions _options = options.Value;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Attempts })
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var row in due)
        {
            if (await SendOneAsync(row.Id, row.Attempts, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + ClaimLease;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts + 1).SetProperty(m => m.NextAttemptAt, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            var messageId = await sender.SendAsync(
                new EmailMessage(message.ToAddress, message.ToName, message.Subject, message.HtmlBody, message.TextBody), cancellationToken);
            var sentAt = clock.GetUtcNow();
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.SmtpMessageId, messageId)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failedFinally = attempts + 1 >= _options.MaxAttempts;
            var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(_options.FirstRetrySeconds * Math.Pow(2, attempts));
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            logger.LogWarning(ex, "Sending outbox message {Id} failed (attempt {Attempt})", id, attempts + 1);
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failedFinally ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            return false;
        }
    }
}
