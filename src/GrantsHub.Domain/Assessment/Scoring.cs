using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Assessment;

/// <summary>One application given to one panel member to score.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int PanelMemberId { get; set; }
    public PanelMember? PanelMember { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Score? Score { get; set; }
}

/// <summary>An assessor's scores for an assignment, one per criterion.</summary>
public class Score : IVersioned
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public ScoreStatus Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<CriterionScore> Criteria { get; set; } = [];
    public Guid Version { get; set; }
}

public class CriterionScore
{
    public int Id { get; set; }
    public int ScoreId { get; set; }
    public int CriterionId { get; set; }
    /// <summary>Null in a draft until the assessor enters it; a submitted score has every value.</summary>
    public int? Value { get; set; }

    public required string Comment { get; set; }
}

/// <summary>A funder's moderated score for an application, replacing the mean of its assessors' scores.</summary>
public class Moderation
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }

    /// <summary>0–100, on the same scale as the weighted score.</summary>
    public decimal ModeratedScore { get; set; }

    public required string Rationale { get; set; }
    public DateTimeOffset ModeratedAt { get; set; }
    public required string ModeratedByUserId { get; set; }
}
