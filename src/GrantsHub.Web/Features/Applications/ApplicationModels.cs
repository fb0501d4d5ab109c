using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Rounds;
using GrantsHub.Web.Features.Reminders;

namespace GrantsHub.Web.Features.Applications;

public sealed record OrganisationChoice(int Id, string Name);

/// <summary>The eligibility pre-check for one of the user's organisations.</summary>
public sealed record ApplyPage(
    int RoundId, string RoundTitle, RoundStatus RoundStatus, DateTimeOffset ClosesAt, IReadOnlyList<OrganisationChoice> Organisations,
    OrganisationChoice? Chosen, IReadOnlyList<EligibilityFailure> Failures, int? ExistingApplicationId);

public sealed class StartForm
{
    public int OrganisationId { get; set; }
}

public sealed record TaskRow(string Title, string Url, SectionStatus Status);

public sealed record TaskListPage(int ApplicationId, int RoundId, string RoundTitle, string OrganisationName, DateTimeOffset ClosesAt, IReadOnlyList<TaskRow> Tasks)
{
    public int Completed => Tasks.Count(t => t.Status == SectionStatus.Completed);
}

/// <summary>What the form posts besides its answers: which button, and the version it was read at.</summary>
public sealed class SaveForm
{
    public Guid Version { get; set; }

    /// <summary>"continue" or "return".</summary>
    public string? Then { get; set; }

    public bool Continues => string.Equals(Then, "continue", StringComparison.Ordinal);
}

public sealed class ProjectForm
{
    public string? ProjectTitle { get; set; }
    public string? AmountRequested { get; set; }
    public string? DurationMonths { get; set; }
    public Guid Version { get; set; }
    public string? Then { get; set; }

    public bool Continues => string.Equals(Then, "continue", StringComparison.Ordinal);
}

public sealed record ProjectPage(int ApplicationId, string RoundTitle, decimal MinimumGrant, decimal MaximumGrant, int MaximumDurationMonths, ProjectForm Form);

public sealed record FileLink(int Id, string FileName, long Length, string Url);

/// <summary>One question on a section page, with what is in its fields now.</summary>
public sealed record QuestionField(
    int Id, string Name, string Text, string HelpText, QuestionType Type, bool Required, int? WordLimit, IReadOnlyList<string> Options, AnswerInput Input, FileLink? File);

public sealed record SectionPage(int ApplicationId, string RoundTitle, int SectionId, string Title, string Description, IReadOnlyList<QuestionField> Questions, Guid Version);

/// <summary>One answer as it is read back: on check your answers, the read-only view and the printout.</summary>
public sealed record AnswerRow(string Field, string Question, string Answer, FileLink? File, string? Problem);

public sealed record AnswerSection(int Id, string Title, string ChangeUrl, IReadOnlyList<AnswerRow> Rows);

public sealed record ApplicationSummary(
    int ApplicationId, string? Reference, string ProjectTitle, string RoundTitle, string Funder, string OrganisationName, ApplicationStatus Status,
    DateTimeOffset? SubmittedAt, DateTimeOffset ClosesAt, bool Editable, IReadOnlyList<AnswerSection> Sections, Guid Version)
{
    public bool CanWithdraw { get; init; }
}

public sealed class ApplicationSubmittedEmail : EmailModel
{
    public required string Reference { get; init; }
    public required string ProjectTitle { get; init; }
    public required string RoundTitle { get; init; }
    public required string OrganisationName { get; init; }
    public required string SubmittedAt { get; init; }
    public required string ViewUrl { get; init; }
}
