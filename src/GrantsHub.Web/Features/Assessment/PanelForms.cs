using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Assessment;

namespace GrantsHub.Web.Features.Assessment;

public sealed class PanelSettingsForm
{
    [Range(1, 10, ErrorMessage = "Each application needs from 1 to 10 assessors")]
    [Display(Name = "Assessors per application")]
    public int RequiredAssessors { get; set; } = Panel.DefaultRequiredAssessors;

    [Display(Name = "Scoring deadline (UK time)")]
    public DateTime? ScoringDeadline { get; set; }

    [Range(0, 100, ErrorMessage = "The divergence threshold must be from 0 to 100 points")]
    [Display(Name = "Flag for moderation when assessors differ by more than (points of 100)")]
    public decimal DivergenceThreshold { get; set; } = 20m;

    [Range(0, 100, ErrorMessage = "The quality threshold must be from 0 to 100")]
    [Display(Name = "Quality threshold: never fund below (points of 100)")]
    public decimal QualityThreshold { get; set; } = 50m;

    [Display(Name = "Allow a partial award to use the last of the budget")]
    public bool PartialAwardsAllowed { get; set; }
}

public sealed class InviteForm
{
    [Required(ErrorMessage = "Enter the assessor's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org")]
    [StringLength(256)]
    [Display(Name = "Assessor's email address")]
    public string Email { get; set; } = "";
}

public sealed class ReassignForm
{
    public int ApplicationId { get; set; }
    public int FromMemberId { get; set; }

    [Required(ErrorMessage = "Choose the assessor to give it to")]
    public int? ToMemberId { get; set; }
}

public sealed record PanelMemberRow(int Id, string Email, string? Name, bool Accepted, int Declared, int Conflicts, int Assigned);

public sealed record AssignmentRow(int ApplicationId, string? Reference, string Organisation, string ProjectTitle, IReadOnlyList<(int MemberId, string Name, AssignmentStatus Status)> Assessors);

public sealed record PanelPage(
    int RoundId, string RoundTitle, Domain.Rounds.RoundStatus RoundStatus, int Applications, PanelSettingsForm Settings, bool Locked, DateTimeOffset? Deadline,
    IReadOnlyList<PanelMemberRow> Members, IReadOnlyList<AssignmentRow> Assignments, int Page, int Pages);

public sealed record DeclarationRow(string Assessor, string Organisation, bool HasConflict, string? Reason, DateTimeOffset DeclaredAt);

public sealed record DeclarationsPage(int RoundId, string RoundTitle, IReadOnlyList<DeclarationRow> Rows, int Page, int Pages);
