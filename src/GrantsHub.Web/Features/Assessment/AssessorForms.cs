using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Forms;

namespace GrantsHub.Web.Features.Assessment;

public sealed record QueueRound(int RoundId, string RoundTitle, DateTimeOffset? Deadline, bool Locked, bool ScoringOpen, int Organisations, int Declared);

public sealed record QueueRow(int ApplicationId, string? Reference, string ProjectTitle, string RoundTitle, AssignmentStatus Status);

public sealed record QueuePage(IReadOnlyList<QueueRound> Rounds, IReadOnlyDictionary<AssignmentStatus, int> Counts, AssignmentStatus? Filter, IReadOnlyList<QueueRow> Rows, int Page, int Pages);

public sealed class ConflictRow
{
    public int OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";

    /// <summary>"no" or "yes"; empty until the assessor chooses.</summary>
    public string? Conflict { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Which of a round's organisations the conflicts page lists.</summary>
public enum ConflictsShown
{
    All,
    NotDeclared,
    Conflicts,
}

/// <summary>The conflicts page's search: a part of an organisation's name, which of them, and the page of them.</summary>
public sealed class ConflictsQuery
{
    public string? Name { get; set; }
    public ConflictsShown Show { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>The declarations for one page of organisations, and the search to come back to.</summary>
public sealed class ConflictsForm
{
    public List<ConflictRow> Rows { get; set; } = [];
    public string? Name { get; set; }
    public ConflictsShown Show { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>"No conflict" for every organisation not yet declared for, confirmed for the number the assessor was shown.</summary>
public sealed class NoConflictWithRestForm
{
    public bool ConfirmNoConflict { get; set; }

    /// <summary>How many organisations the page said were not yet declared for, so that a list that changed meanwhile is not confirmed unseen.</summary>
    public int NotDeclared { get; set; }
}

/// <param name="Organisations">All the round's organisations that applied.</param>
/// <param name="Declared">Those the assessor has declared for, with or without a conflict.</param>
/// <param name="Conflicts">Those the assessor has declared a conflict with.</param>
/// <param name="Matching">The organisations the search finds, of which <paramref name="Form"/> holds one page.</param>
public sealed record ConflictsPage(
    int RoundId, string RoundTitle, int Organisations, int Declared, int Conflicts, ConflictsForm Form, int Matching, int PageNumber, int Pages)
{
    public int NotDeclared => Organisations - Declared;

    public bool Searching => !string.IsNullOrWhiteSpace(Form.Name) || Form.Show != ConflictsShown.All;
}

public sealed class CriterionScoreRow
{
    public int CriterionId { get; set; }
    public int? Value { get; set; }
    public string? Comment { get; set; }
}

public sealed class ScoreForm
{
    public Guid? Version { get; set; }
    public List<CriterionScoreRow> Rows { get; set; } = [];

    /// <summary>Which button was pressed: save a draft or submit.</summary>
    public ScoringAction Action { get; set; }
}

public sealed record CriterionView(int Id, string Name, string Guidance, int Weight);

public sealed record AnswerView(string Section, string Question, QuestionType Type, string? Value);

public sealed record AssessmentPage(
    int ApplicationId, string? Reference, string ProjectTitle, string Organisation, decimal AmountRequested, int DurationMonths, string RoundTitle,
    int ScaleMinimum, int ScaleMaximum, DateTimeOffset? Deadline, bool ScoringOpen, bool Locked, ScoreStatus? Status,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<AnswerView> Answers, IReadOnlyList<(int Id, string FileName)> Attachments, ScoreForm Form);
