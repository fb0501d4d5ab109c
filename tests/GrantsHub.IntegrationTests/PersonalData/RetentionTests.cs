using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Files;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.PersonalData;

/// <summary>The nightly retention job removes old unsubmitted drafts and declined applications' files, and nothing else.</summary>
public sealed class RetentionTests
{
    private sealed record Made(int Id, string? FileKey);

    private static async Task<Made> ApplicationAsync(GrantsHubFactory app, ApplicationStatus status, DateTimeOffset updated, DateTimeOffset? declinedAt = null)
    {
        var key = FileStoreOptions.NewKey();
        await app.WithServiceAsync<IFileStore, int>(async files => { await files.SaveAsync(key, [1, 2, 3]); return 0; });
        var id = await app.WithDbAsync(async db =>
        {
            var roundId = await db.Rounds.Select(r => r.Id).FirstAsync();
            var organisation = new Organisation { Name = $"Retention test group {Guid.NewGuid():N}", LegalForm = LegalForm.UnincorporatedGroup, CreatedAt = updated };
            var question = await db.Questions.Where(q => q.Section!.RoundId == roundId).Select(q => q.Id).FirstAsync();
            var application = new GrantApplication
            {
                RoundId = roundId, Organisation = organisation, ProjectTitle = $"{status} from {updated:yyyy-MM}", AmountRequested = 5_000m, DurationMonths = 12,
                Status = status, CreatedAt = updated, UpdatedAt = updated, SubmittedAt = status == ApplicationStatus.Draft ? null : updated,
                Answers = [new Answer { QuestionId = question, Value = "An answer", UpdatedAt = updated }],
                Attachments = [new Attachment { FileName = "budget.pdf", ContentType = "application/pdf", Length = 3, StorageKey = key, UploadedByUserId = "someone", UploadedAt = updated }],
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            if (declinedAt is { } at)
            {
                db.Decisions.Add(new Decision { ApplicationId = application.Id, Outcome = DecisionOutcome.Declined, Feedback = "Not this time", DecidedAt = at, DecidedByUserId = "funder" });
                await db.SaveChangesAsync();
            }

            return application.Id;
        });
        return new Made(id, key);
    }

    private static Task<bool> FileExistsAsync(GrantsHubFactory app, string key) =>
        app.WithServiceAsync<IFileStore, bool>(async files => await files.ReadAsync(key) is not null);

    [Fact]
    public async Task Old_drafts_and_old_declined_files_go_everything_else_stays_and_a_second_run_removes_nothing()
    {
        await using var app = new GrantsHubFactory(new Dictionary<string, string?> { ["Retention:DraftMonths"] = "6", ["Retention:DeclinedFileMonths"] = "12" });
        var now = app.Clock.GetUtcNow();
        var oldDraft = await ApplicationAsync(app, ApplicationStatus.Draft, now.AddMonths(-7));
        var recentDraft = await ApplicationAsync(app, ApplicationStatus.Draft, now.AddMonths(-5));
        var oldSubmitted = await ApplicationAsync(app, ApplicationStatus.Submitted, now.AddMonths(-30));
        var oldDeclined = await ApplicationAsync(app, ApplicationStatus.Declined, now.AddMonths(-14), declinedAt: now.AddMonths(-13));
        var recentDeclined = await ApplicationAsync(app, ApplicationStatus.Declined, now.AddMonths(-12), declinedAt: now.AddMonths(-11));

        var first = await app.WithServiceAsync<RetentionJob, RetentionResult>(job => job.RunAsync(CancellationToken.None));
        var second = await app.WithServiceAsync<RetentionJob, RetentionResult>(job => job.RunAsync(CancellationToken.None));

        Assert.Equal(new RetentionResult(Drafts: 1, DraftAnswers: 1, DraftFiles: 1, DeclinedFiles: 1), first);
        Assert.False(second.RemovedAnything);
        int[] made = [oldDraft.Id, recentDraft.Id, oldSubmitted.Id, oldDeclined.Id, recentDeclined.Id];
        var left = await app.WithDbAsync(db => db.Applications.Where(a => made.Contains(a.Id)).Select(a => new { a.Id, Files = a.Attachments.Count, Answers = a.Answers.Count }).ToListAsync());
        Assert.Equal([recentDraft.Id, oldSubmitted.Id, oldDeclined.Id, recentDeclined.Id], left.Select(a => a.Id).Order());
        Assert.Equal(0, left.Single(a => a.Id == oldDeclined.Id).Files);
        Assert.Equal(1, left.Single(a => a.Id == oldDeclined.Id).Answers); // a declined application itself is a grant record and stays
        Assert.All(left.Where(a => a.Id != oldDeclined.Id), a => Assert.Equal(1, a.Files));
        Assert.False(await FileExistsAsync(app, oldDraft.FileKey!));
        Assert.False(await FileExistsAsync(app, oldDeclined.FileKey!));
        Assert.True(await FileExistsAsync(app, recentDraft.FileKey!));
        Assert.True(await FileExistsAsync(app, recentDeclined.FileKey!));
        var entry = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Kind == "personal-data.retention-removed").ToListAsync()));
        Assert.Equal("System", entry.ActorName);
        Assert.Contains("\"Drafts\":1", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"DeclinedFiles\":1", entry.After, StringComparison.Ordinal);
    }
}
