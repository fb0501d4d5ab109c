using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Forms;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Applications;

public enum SaveResult
{
    NotFound,
    ReadOnly,
    Invalid,
    Conflict,
    Saved,
}

public sealed record SaveOutcome(SaveResult Result, IReadOnlyList<(string Field, string Message)> Errors, LoadedApplication? Application = null)
{
    public static SaveOutcome Of(SaveResult result, LoadedApplication? application = null) => new(result, [], application);
}

/// <summary>
/// Saves answers of a draft, at any time and incomplete. Only what must be right to store a value is
/// checked here; a save made from a page read at an older version is refused, so two tabs cannot
/// silently overwrite each other.
/// </summary>
public sealed class AnswersHandler(GrantsHubDbContext db, IFileStore files, TimeProvider clock)
{
    public const string ConflictMessage = "This application was changed in another tab or by a colleague since you opened this page. Your answers below have not been saved: check them against the latest version and save again.";

    public async Task<SaveOutcome> SaveProjectAsync(string userId, int applicationId, ProjectForm form)
    {
        var loaded = await LoadedApplication.LoadAsync(db, userId, applicationId);
        if (loaded is null || !loaded.IsDraft)
        {
            return SaveOutcome.Of(loaded is null ? SaveResult.NotFound : SaveResult.ReadOnly, loaded);
        }

        if (loaded.Application.Version != form.Version)
        {
            return SaveOutcome.Of(SaveResult.Conflict, loaded);
        }

        var errors = new List<(string, string)>();
        var title = (form.ProjectTitle ?? "").Trim();
        if (title.Length > 200)
        {
            errors.Add((nameof(form.ProjectTitle), "The project title must be 200 characters or fewer"));
        }

        var amount = 0m;
        if (!string.IsNullOrWhiteSpace(form.AmountRequested) && !AnswerFormat.TryMoney(form.AmountRequested, out amount))
        {
            errors.Add((nameof(form.AmountRequested), "Enter an amount in pounds, like 25000"));
        }

        var months = 0;
        if (!string.IsNullOrWhiteSpace(form.DurationMonths) && !int.TryParse(form.DurationMonths!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out months))
        {
            errors.Add((nameof(form.DurationMonths), "Enter a whole number of months, like 12"));
        }

        if (errors.Count > 0)
        {
            return new SaveOutcome(SaveResult.Invalid, errors, loaded);
        }

        var application = await TrackedAsync(applicationId, form.Version);
        application.ProjectTitle = title;
        application.AmountRequested = amount;
        application.DurationMonths = months;
        return await CommitAsync(userId, application, []);
    }

    public async Task<SaveOutcome> SaveSectionAsync(string userId, int applicationId, int sectionId, SaveForm form, IFormCollection fields)
    {
        var loaded = await LoadedApplication.LoadAsync(db, userId, applicationId);
        var section = loaded?.Section(sectionId);
        if (loaded is null || section is null || !loaded.IsDraft)
        {
            return SaveOutcome.Of(loaded is null || section is null ? SaveResult.NotFound : SaveResult.ReadOnly, loaded);
        }

        if (loaded.Application.Version != form.Version)
        {
            return SaveOutcome.Of(SaveResult.Conflict, loaded);
        }

        var errors = new List<(string, string)>();
        var values = new Dictionary<int, string>();
        var uploads = new List<(Question Question, IFormFile File, byte[] Content)>();
        foreach (var question in section.Questions)
        {
            var field = ApplicationAccess.FieldOf(question.Id);
            if (question.Type == QuestionType.FileUpload)
            {
                if (fields.Files.GetFile(field) is { Length: > 0 } file)
                {
                    var content = await UploadedContent.ReadForChecksAsync(file);
                    if (UploadRules.Problem(file.FileName, content) is { } problem)
                    {
                        errors.Add((field, problem));
                    }
                    else
                    {
                        uploads.Add((question, file, content));
                    }
                }

                continue;
            }

            var (value, error) = AnswerFormat.Normalise(question, InputOf(question, fields));
            if (error is not null)
            {
                errors.Add((field, error));
            }

            values[question.Id] = value;
        }

        if (errors.Count > 0)
        {
            return new SaveOutcome(SaveResult.Invalid, errors, loaded);
        }

        // Content goes to the store before the application is tracked: the database store saves at once.
        var stored = new List<(Question Question, AcceptedUpload Accepted, string Key, long Length)>();
        foreach (var (question, file, content) in uploads)
        {
            var key = FileStoreOptions.NewKey();
            await files.SaveAsync(key, content);
            stored.Add((question, UploadRules.Accept(file.FileName), key, content.Length));
        }

        var application = await TrackedAsync(applicationId, form.Version);
        var now = clock.GetUtcNow();
        foreach (var (questionId, value) in values)
        {
            var answer = application.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (value.Length == 0)
            {
                if (answer is not null)
                {
                    application.Answers.Remove(answer);
                }
            }
            else if (answer is null)
            {
                application.Answers.Add(new Answer { QuestionId = questionId, Value = value, UpdatedAt = now });
            }
            else if (answer.Value != value)
            {
                answer.Value = value;
                answer.UpdatedAt = now;
            }
        }

        var replaced = new List<string>();
        foreach (var (question, accepted, key, length) in stored)
        {
            foreach (var old in application.Attachments.Where(a => a.QuestionId == question.Id).ToList())
            {
                replaced.Add(old.StorageKey);
                application.Attachments.Remove(old);
            }

            application.Attachments.Add(new Attachment
            {
                QuestionId = question.Id,
                FileName = accepted.FileName,
                ContentType = accepted.ContentType,
                Length = length,
                StorageKey = key,
                UploadedByUserId = userId,
                UploadedAt = now,
            });
        }

        var outcome = await CommitAsync(userId, application, stored.Select(s => s.Key).ToList());
        if (outcome.Result == SaveResult.Saved)
        {
            foreach (var key in replaced)
            {
                await files.DeleteAsync(key);
            }
        }

        return outcome;
    }

    /// <summary>What was typed for a question, read from the posted fields (dates as three fields).</summary>
    public static AnswerInput InputOf(Question question, IFormCollection fields)
    {
        var name = ApplicationAccess.FieldOf(question.Id);
        return question.Type switch
        {
            QuestionType.MultipleChoice => new AnswerInput("", fields[name].Where(v => v is not null).Select(v => v!).ToList()),
            QuestionType.Date => new AnswerInput("", [], fields[$"{name}-day"].ToString(), fields[$"{name}-month"].ToString(), fields[$"{name}-year"].ToString()),
            _ => new AnswerInput(fields[name].ToString(), []),
        };
    }

    private async Task<GrantApplication> TrackedAsync(int applicationId, Guid version)
    {
        var application = await db.Applications.Include(a => a.Answers).Include(a => a.Attachments).AsSplitQuery().SingleAsync(a => a.Id == applicationId);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        return application;
    }

    private async Task<SaveOutcome> CommitAsync(string userId, GrantApplication application, IReadOnlyList<string> storedKeys)
    {
        application.UpdatedAt = clock.GetUtcNow();
        db.Entry(application).Property(a => a.UpdatedAt).IsModified = true; // every save is a new version, even at the same instant
        try
        {
            await db.SaveChangesAsync();
            return SaveOutcome.Of(SaveResult.Saved);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            foreach (var key in storedKeys)
            {
                await files.DeleteAsync(key);
            }

            return SaveOutcome.Of(SaveResult.Conflict, await LoadedApplication.LoadAsync(db, userId, application.Id));
        }
    }
}
