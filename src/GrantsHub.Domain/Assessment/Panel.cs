using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Assessment;

/// <summary>A round's assessment panel and the rules its scoring follows.</summary>
public class Panel : IVersioned
{
    public const int DefaultRequiredAssessors = 2;

    public int Id { get; set; }
    public int RoundId { get; set; }

    /// <summary>How many assessors score each application.</summary>
    public int RequiredAssessors { get; set; } = DefaultRequiredAssessors;

    /// <summary>UTC instant; entered and shown in UK time. Scores can be changed up to and including it.</summary>
    public DateTimeOffset? ScoringDeadline { get; set; }

    /// <summary>Assessors' totals (0–100) further apart than this flag the application for moderation.</summary>
    public decimal DivergenceThreshold { get; set; } = 20m;

    /// <summary>Applications scoring below this (0–100) are never recommended for funding.</summary>
    public decimal QualityThreshold { get; set; } = 50m;

    public bool PartialAwardsAllowed { get; set; }

    /// <summary>Set by the funder to stop all score changes, whatever the deadline.</summary>
    public bool ScoringLocked { get; set; }

    public List<PanelMember> Members { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>Whether assessors may still save or submit scores.</summary>
    public bool ScoringOpenAt(DateTimeOffset now) => IsScoringOpen(ScoringLocked, ScoringDeadline, now);

    /// <summary>The same rule for pages that read the panel's fields in a projection.</summary>
    public static bool IsScoringOpen(bool locked, DateTimeOffset? deadline, DateTimeOffset now) => !locked && (deadline is not { } d || now <= d);
}

/// <summary>An assessor invited to a panel; <see cref="UserId"/> is set when they accept.</summary>
public class PanelMember
{
    public int Id { get; set; }
    public int PanelId { get; set; }
    public Panel? Panel { get; set; }
    public required string InvitedEmail { get; set; }

    /// <summary>SHA-256 of the token in the emailed link; the token itself is never stored.</summary>
    public required string InvitationTokenHash { get; set; }

    public DateTimeOffset InvitedAt { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public bool Accepted => UserId is not null;
}

/// <summary>An assessor's statement about one organisation that applied to the round.</summary>
public class ConflictDeclaration
{
    public int Id { get; set; }
    public int PanelMemberId { get; set; }
    public int OrganisationId { get; set; }
    public bool HasConflict { get; set; }

    /// <summary>Required when <see cref="HasConflict"/>: what the connection is.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset DeclaredAt { get; set; }
}
