using GrantsHub.Domain.Email;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed record ReminderRecipient(string UserId, string Email, string Name);

/// <summary>The reminders one scan found due, before duplicates and opt-outs are taken out.</summary>
public sealed class ReminderBatch
{
    private readonly List<PendingReminder> _items = [];

    internal IReadOnlyList<PendingReminder> Items => _items;

    /// <summary>How many reminders the scan found (before duplicates and opt-outs are taken out).</summary>
    public int Count => _items.Count;

    /// <param name="key">Unique per (kind, subject, recipient, occurrence), e.g. <c>reminder:RoundClosing:42:user:7d-2026-12-04</c>.</param>
    public void Add<TModel>(string key, ReminderKind kind, int? funderId, ReminderRecipient to, string template, string link, TModel model)
        where TModel : EmailModel =>
        _items.Add(new PendingReminder(key, kind, funderId, to, link, model, renderer => renderer.RenderAsync(template, model)));

    internal sealed record PendingReminder(string Key, ReminderKind Kind, int? FunderId, ReminderRecipient To, string Link, EmailModel Model,
        Func<IEmailRenderer, Task<RenderedEmail>> Render);
}

/// <summary>
/// Writes a scan's reminders to the outbox. Keys already there are skipped (found in one query per
/// chunk, not one per reminder); people who turned a kind off are skipped; and if another server
/// wrote some of the same keys at the same moment, the unique index refuses the chunk and it is
/// written again without them. So a job that runs twice, or on two servers at once, sends each once.
/// Each reminder written gets its signed unsubscribe link here (none for essential kinds).
/// </summary>
public sealed class ReminderWriter(GrantsHubDbContext db, IEmailRenderer renderer, ReminderLinks links, TimeProvider clock, IEmailDispatchTrigger dispatch, ILogger<ReminderWriter> logger)
{
    private const int ChunkSize = 500;
    private const int Attempts = 5;

    public async Task<int> WriteAsync(ReminderBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Items.Count == 0)
        {
            return 0;
        }

        var kinds = batch.Items.Select(i => i.Kind).Where(k => !ReminderKinds.IsEssential(k)).Distinct().ToList();
        var optedOut = (await db.ReminderOptOuts.AsNoTracking().Where(o => kinds.Contains(o.Kind)).Select(o => new { o.UserId, o.Kind }).ToListAsync(cancellationToken))
            .Select(o => (o.UserId, o.Kind)).ToHashSet();
        var wanted = batch.Items.Where(i => !optedOut.Contains((i.To.UserId, i.Kind))).DistinctBy(i => i.Key).ToList();

        var written = 0;
        foreach (var chunk in wanted.Chunk(ChunkSize))
        {
            written += await WriteChunkAsync(chunk, cancellationToken);
        }

        if (written > 0)
        {
            dispatch.DispatchSoon();
        }

        return written;
    }

    private async Task<int> WriteChunkAsync(ReminderBatch.PendingReminder[] chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var keys = chunk.Select(i => i.Key).ToList();
            var existing = (await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            var added = 0;
            foreach (var item in chunk.Where(i => !existing.Contains(i.Key)))
            {
                item.Model.UnsubscribeUrl = links.Unsubscribe(item.To.UserId, item.Kind);
                var rendered = await item.Render(renderer);
                db.Outbox.Add(new OutboxMessage
                {
                    Key = item.Key, Kind = item.Kind.ToString(), FunderId = item.FunderId, LinkUrl = item.Link,
                    ToAddress = item.To.Email, ToName = item.To.Name, ToUserId = item.To.UserId,
                    Subject = item.Model.Subject, HtmlBody = rendered.Html, TextBody = rendered.Text,
                    Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
                });
                added++;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException ex) when (attempt < Attempts)
            {
                // Another server wrote some of these keys first: forget ours and skip theirs.
                logger.LogInformation(ex, "Reminder keys were written concurrently; writing the rest again (attempt {Attempt})", attempt);
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>
/// A reminder job: a scan that finds who is due a reminder (one set-based query and work in memory), and a run
/// that writes the scan's reminders to the outbox. The two are apart so the scan can be timed on its own.
/// </summary>
public interface IReminderJob
{
    Task<ReminderBatch> ScanAsync(CancellationToken cancellationToken);

    Task<int> RunAsync(CancellationToken cancellationToken);
}
