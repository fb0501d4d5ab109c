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

public sealed class ConflictsForm
{
    public List<ConflictRow> Rows { get; set; } = [];
}

public sealed record ConflictsPage(int RoundId, string RoundTitle, ConflictsForm Form);

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
