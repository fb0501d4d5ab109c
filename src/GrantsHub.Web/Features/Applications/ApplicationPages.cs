using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Forms;

namespace GrantsHub.Web.Features.Applications;

/// <summary>Turns a loaded application into the models of its pages.</summary>
public static class ApplicationPages
{
    public const string ProjectTitle = "Your project";

    public static TaskListPage TaskList(LoadedApplication loaded)
    {
        var tasks = new List<TaskRow> { new(ProjectTitle, loaded.SectionUrl(LoadedApplication.ProjectSectionId), loaded.ProjectStatus()) };
        tasks.AddRange(loaded.Sections.Select(s => new TaskRow(s.Title, loaded.SectionUrl(s.Id), loaded.StatusOf(s))));
        return new TaskListPage(loaded.Application.Id, loaded.Round.Id, loaded.Round.Title, loaded.OrganisationName, loaded.Round.ClosesAt, tasks);
    }

    public static ProjectPage Project(LoadedApplication loaded, ProjectForm? posted = null)
    {
        var a = loaded.Application;
        var form = posted ?? new ProjectForm
        {
            ProjectTitle = a.ProjectTitle,
            AmountRequested = a.AmountRequested == 0 ? "" : a.AmountRequested.ToString(CultureInfo.InvariantCulture),
            DurationMonths = a.DurationMonths == 0 ? "" : a.DurationMonths.ToString(CultureInfo.InvariantCulture),
        };
        form.Version = a.Version; // a page shown again offers the latest version to save over
        return new ProjectPage(a.Id, loaded.Round.Title, loaded.Round.MinimumGrant, loaded.Round.MaximumGrant, loaded.Round.MaximumDurationMonths, form);
    }

    /// <summary>A section's questions filled with the saved answers, or with what was just posted.</summary>
    public static SectionPage Section(LoadedApplication loaded, FormSection section, IFormCollection? posted = null)
    {
        var questions = section.Questions.Select(q => new QuestionField(
            q.Id, ApplicationAccess.FieldOf(q.Id), q.Text, q.HelpText, q.Type, q.Required, q.WordLimit, q.OptionList,
            posted is null ? AnswerFormat.ToInput(q, loaded.AnswerTo(q.Id)) : AnswersHandler.InputOf(q, posted),
            FileLinkOf(loaded, loaded.FileFor(q.Id)))).ToList();
        return new SectionPage(loaded.Application.Id, loaded.Round.Title, section.Id, section.Title, section.Description, questions, loaded.Application.Version);
    }

    public static ApplicationSummary Summary(LoadedApplication loaded, DateTimeOffset now)
    {
        var a = loaded.Application;
        var editable = loaded.IsDraft;
        var project = loaded.ProjectProblems();
        var sections = new List<AnswerSection>
        {
            new(LoadedApplication.ProjectSectionId, ProjectTitle, loaded.SectionUrl(LoadedApplication.ProjectSectionId),
            [
                new(nameof(ProjectForm.ProjectTitle), "Project title", a.ProjectTitle, null, ProblemOf(project, nameof(ProjectForm.ProjectTitle))),
                new(nameof(ProjectForm.AmountRequested), "Amount requested", a.AmountRequested == 0 ? "" : Infrastructure.Display.FormatMoney(a.AmountRequested), null, ProblemOf(project, nameof(ProjectForm.AmountRequested))),
                new(nameof(ProjectForm.DurationMonths), "How long the project will last", a.DurationMonths == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{a.DurationMonths} months"), null, ProblemOf(project, nameof(ProjectForm.DurationMonths))),
            ]),
        };
        foreach (var section in loaded.Sections)
        {
            var problems = loaded.Problems(section);
            sections.Add(new AnswerSection(section.Id, section.Title, loaded.SectionUrl(section.Id), section.Questions.Select(q =>
            {
                var field = ApplicationAccess.FieldOf(q.Id);
                return new AnswerRow(field, q.Text, AnswerFormat.Display(q, loaded.AnswerTo(q.Id)), FileLinkOf(loaded, loaded.FileFor(q.Id)), ProblemOf(problems, field));
            }).ToList()));
        }

        return new ApplicationSummary(a.Id, a.Reference, a.ProjectTitle, loaded.Round.Title, loaded.Round.Programme?.Name ?? "", loaded.OrganisationName, a.Status,
            a.SubmittedAt, loaded.Round.ClosesAt, editable, sections, a.Version)
        {
            CanWithdraw = a.Status == ApplicationStatus.Submitted && loaded.Round.IsAcceptingSubmissionsAt(now),
        };
    }

    private static string? ProblemOf(IReadOnlyList<AnswerProblem> problems, string field) => problems.FirstOrDefault(p => p.Field == field)?.Message;

    private static FileLink? FileLinkOf(LoadedApplication loaded, Attachment? file) =>
        file is null ? null : new FileLink(file.Id, file.FileName, file.Length, $"/applications/{loaded.Application.Id}/attachments/{file.Id}");
}
