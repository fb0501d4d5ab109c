using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Assessment;

public enum DecisionOutcome
{
    Approved,
    Declined,
}

/// <summary>The funder's decision on an application; changing it needs a reason, kept in the audit trail.</summary>
public class Decision : IVersioned
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public DecisionOutcome Outcome { get; set; }

    /// <summary>The amount offered when approved; may be less than requested when partial awards are allowed.</summary>
    public decimal? Amount { get; set; }

    public required string Feedback { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string DecidedByUserId { get; set; }

    /// <summary>When the applicant was emailed this decision; cleared when the decision changes.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>Counts changes, so each version of a decision is emailed once.</summary>
    public int Revision { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A stored run of the recommendation for a round, with the funder's adjustments.</summary>
public class Recommendation
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public DateTimeOffset RunAt { get; set; }
    public required string RunByUserId { get; set; }

    /// <summary>Application ids the funder asked to include or exclude, comma-separated.</summary>
    public string Included { get; set; } = "";

    public string Excluded { get; set; } = "";

    /// <summary>The result with its explanations, as JSON, so what the funder saw is kept as it was.</summary>
    public required string Result { get; set; }
}
