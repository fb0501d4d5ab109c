using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Features.PersonalData;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Drafts never submitted are removed, with their answers and files, this many months after they were last changed.</summary>
    [Range(1, 120)]
    public int DraftMonths { get; set; } = 12;

    /// <summary>Files of declined applications are removed this many months after the decision.</summary>
    [Range(1, 240)]
    public int DeclinedFileMonths { get; set; } = 24;
}

public sealed record RetentionResult(int Drafts, int DraftAnswers, int DraftFiles, int DeclinedFiles)
{
    public bool RemovedAnything => Drafts + DraftAnswers + DraftFiles + DeclinedFiles > 0;
}

/// <summary>
/// Removes what GrantsHub no longer needs to keep: drafts never submitted, and the files of declined
/// applications. Set-based and idempotent: a second run finds nothing to remove and records nothing.
/// Files are removed from the store after the rows, so a failure leaves at worst an unreferenced file.
/// </summary>
public sealed class RetentionJob(
    GrantsHubDbContext db,
    IFileStore files,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<RetentionJob> logger)
{
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var draftCutoff = now.AddMonths(-options.Value.DraftMonths);
        var declinedCutoff = now.AddMonths(-options.Value.DeclinedFileMonths);

        var drafts = db.Applications.Where(a => a.Status == ApplicationStatus.Draft && a.SubmittedAt == null && a.UpdatedAt < draftCutoff).Select(a => a.Id);
        var declined = db.Applications.Where(a => a.Status == ApplicationStatus.Declined
            && db.Decisions.Any(d => d.ApplicationId == a.Id && d.Outcome == DecisionOutcome.Declined && d.DecidedAt < declinedCutoff)).Select(a => a.Id);
        var draftFiles = db.Attachments.Where(f => drafts.Contains(f.ApplicationId));
        var declinedFiles = db.Attachments.Where(f => declined.Contains(f.ApplicationId));
        var keys = await draftFiles.Concat(declinedFiles).Select(f => f.StorageKey).ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removedDraftFiles = await draftFiles.ExecuteDeleteAsync(cancellationToken);
        var removedDeclinedFiles = await declinedFiles.ExecuteDeleteAsync(cancellationToken);
        var removedAnswers = await db.Answers.Where(x => drafts.Contains(x.ApplicationId)).ExecuteDeleteAsync(cancellationToken);
        var removedDrafts = await db.Applications.Where(a => drafts.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        var result = new RetentionResult(removedDrafts, removedAnswers, removedDraftFiles, removedDeclinedFiles);
        if (result.RemovedAnything)
        {
            audit.Record(PersonalDataAuditKinds.RetentionRemoved,
                $"Retention removed {removedDrafts} unsubmitted draft(s) and {removedDraftFiles + removedDeclinedFiles} file(s)",
                new AuditScope(), after: new { result.Drafts, result.DraftAnswers, result.DraftFiles, result.DeclinedFiles, options.Value.DraftMonths, options.Value.DeclinedFileMonths });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var key in keys)
        {
            await files.DeleteAsync(key, cancellationToken);
        }

        logger.LogInformation("Retention removed {Drafts} drafts ({Answers} answers, {DraftFiles} files) and {DeclinedFiles} files of declined applications",
            result.Drafts, result.DraftAnswers, result.DraftFiles, result.DeclinedFiles);

        // The change log only needs its newest row (the data's version); the rest is history nobody reads.
        var newest = await db.DataVersionAsync(cancellationToken);
        await db.DataChanges.Where(c => c.Id < newest).ExecuteDeleteAsync(cancellationToken);
        return result;
    }
}
