using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Applications;

public enum SectionStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>A problem that stops an application being submitted, tied to the field that has it.</summary>
public sealed record AnswerProblem(int SectionId, string Field, string Message);

public static class ApplicationAccess
{
    /// <summary>The only way to reach applications for an applicant: those of organisations they belong to.</summary>
    public static IQueryable<GrantApplication> OfMember(this IQueryable<GrantApplication> applications, string userId) =>
        applications.Where(a => a.Organisation!.Members.Any(m => m.UserId == userId));

    public static string FieldOf(int questionId) => string.Create(CultureInfo.InvariantCulture, $"q{questionId}");
}

/// <summary>
/// An application with its round's form, read once without tracking. It knows the status of each
/// section and what still stops the application being submitted.
/// </summary>
public sealed class LoadedApplication
{
    /// <summary>The built-in first section, "Your project", has this id.</summary>
    public const int ProjectSectionId = 0;

    private LoadedApplication(GrantApplication application, Round round, string organisationName)
    {
        Application = application;
        Round = round;
        OrganisationName = organisationName;
        Sections = round.Sections.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        foreach (var section in Sections)
        {
            section.Questions = section.Questions.OrderBy(q => q.Order).ThenBy(q => q.Id).ToList();
        }
    }

    public GrantApplication Application { get; }

    public Round Round { get; }

    public string OrganisationName { get; }

    public IReadOnlyList<FormSection> Sections { get; }

    public bool IsDraft => Application.Status == ApplicationStatus.Draft;

    public static Task<LoadedApplication?> LoadAsync(GrantsHubDbContext db, string userId, int applicationId) =>
        LoadAsync(db, db.Applications.OfMember(userId), applicationId);

    /// <summary>Loads an application found within <paramref name="scope"/>: what the reader may see, or nothing.</summary>
    public static async Task<LoadedApplication?> LoadAsync(GrantsHubDbContext db, IQueryable<GrantApplication> scope, int applicationId)
    {
        var found = await scope.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Include(a => a.Answers).Include(a => a.Attachments)
            .Select(a => new { Application = a, OrganisationName = a.Organisation!.Name })
            .AsSplitQuery()
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var round = await db.Rounds.AsNoTracking().AsSplitQuery()
            .Include(r => r.Programme)
            .Include(r => r.Sections).ThenInclude(s => s.Questions)
            .SingleAsync(r => r.Id == found.Application.RoundId);
        return new LoadedApplication(found.Application, round, found.OrganisationName);
    }

    public FormSection? Section(int sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId);

    public string? AnswerTo(int questionId) => Application.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Value;

    public Attachment? FileFor(int questionId) =>
        Application.Attachments.Where(a => a.QuestionId == questionId).OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).FirstOrDefault();

    public string? NextSectionUrl(int sectionId)
    {
        var ids = new[] { ProjectSectionId }.Concat(Sections.Select(s => s.Id)).ToList();
        var at = ids.IndexOf(sectionId);
        return at >= 0 && at + 1 < ids.Count ? SectionUrl(ids[at + 1]) : $"/applications/{Application.Id}/check";
    }

    public string SectionUrl(int sectionId) =>
        sectionId == ProjectSectionId ? $"/applications/{Application.Id}/project" : $"/applications/{Application.Id}/sections/{sectionId}";

    public IReadOnlyList<AnswerProblem> ProjectProblems() => ProjectRules.Problems(Application.ProjectTitle, Application.AmountRequested, Application.DurationMonths, Round);

    public IReadOnlyList<AnswerProblem> Problems(FormSection section) =>
        section.Questions
            .Select(q => (q, Problem: AnswerFormat.CompletionProblem(q, AnswerTo(q.Id), FileFor(q.Id) is not null)))
            .Where(x => x.Problem is not null)
            .Select(x => new AnswerProblem(section.Id, ApplicationAccess.FieldOf(x.q.Id), x.Problem!))
            .ToList();

    public IReadOnlyList<AnswerProblem> AllProblems() => ProjectProblems().Concat(Sections.SelectMany(Problems)).ToList();

    public SectionStatus ProjectStatus() =>
        Application is { ProjectTitle: "", AmountRequested: 0, DurationMonths: 0 } ? SectionStatus.NotStarted
        : ProjectProblems().Count == 0 ? SectionStatus.Completed : SectionStatus.InProgress;

    public SectionStatus StatusOf(FormSection section)
    {
        var started = section.Questions.Any(q => !string.IsNullOrEmpty(AnswerTo(q.Id)) || FileFor(q.Id) is not null);
        var problems = Problems(section).Count;
        return problems == 0 && (started || section.Questions.All(q => !q.Required)) ? SectionStatus.Completed
            : started ? SectionStatus.InProgress : SectionStatus.NotStarted;
    }
}

/// <summary>The rules of the built-in "Your project" section, which every application has.</summary>
public static class ProjectRules
{
    public static IReadOnlyList<AnswerProblem> Problems(string title, decimal amount, int months, Round round)
    {
        var problems = new List<AnswerProblem>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new AnswerProblem(LoadedApplication.ProjectSectionId, nameof(ProjectForm.ProjectTitle), "Enter a project title"));
        }

        if (amount == 0)
        {
            problems.Add(new AnswerProblem(LoadedApplication.ProjectSectionId, nameof(ProjectForm.AmountRequested), "Enter the amount you are asking for"));
        }
        else if (amount < round.MinimumGrant || amount > round.MaximumGrant)
        {
            problems.Add(new AnswerProblem(LoadedApplication.ProjectSectionId, nameof(ProjectForm.AmountRequested),
                $"Ask for between {Display.FormatMoney(round.MinimumGrant)} and {Display.FormatMoney(round.MaximumGrant)}"));
        }

        if (months == 0)
        {
            problems.Add(new AnswerProblem(LoadedApplication.ProjectSectionId, nameof(ProjectForm.DurationMonths), "Enter how many months the project will last"));
        }
        else if (months < 1 || months > round.MaximumDurationMonths)
        {
            problems.Add(new AnswerProblem(LoadedApplication.ProjectSectionId, nameof(ProjectForm.DurationMonths),
                string.Create(CultureInfo.InvariantCulture, $"The project must last between 1 and {round.MaximumDurationMonths} months")));
        }

        return problems;
    }
}
