using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;

namespace GrantsHub.Web.Features.Decisions;

public sealed class AdjustForm
{
    public int ApplicationId { get; set; }
    public Adjustment Adjustment { get; set; }
}

public sealed class DecisionForm
{
    [Required(ErrorMessage = "Choose approve or decline")]
    public DecisionOutcome? Outcome { get; set; }

    [Display(Name = "Amount to offer (£)")]
    public decimal? Amount { get; set; }

    [StringLength(4000)]
    public string? Feedback { get; set; }

    /// <summary>Required only when changing an earlier decision.</summary>
    [StringLength(2000)]
    public string? Reason { get; set; }
}

public sealed class BulkDecisionForm
{
    [Required(ErrorMessage = "Enter feedback for approved applicants")]
    [StringLength(4000)]
    public string? ApproveFeedback { get; set; }

    [Required(ErrorMessage = "Enter feedback for declined applicants")]
    [StringLength(4000)]
    public string? DeclineFeedback { get; set; }
}

public sealed record RecommendationPage(int RoundId, string RoundTitle, StoredRecommendation? Result, DateTimeOffset? RunAt, IReadOnlySet<int> Included, IReadOnlySet<int> Excluded);

public sealed record DecisionRow(int ApplicationId, string? Reference, string Organisation, string ProjectTitle, decimal Requested, ApplicationStatus Status,
    DecisionOutcome? Outcome, decimal? Amount, DateTimeOffset? NotifiedAt);

public sealed record DecisionsPage(int RoundId, string RoundTitle, IReadOnlyList<DecisionRow> Rows, int AwaitingNotice, decimal Approved, decimal Budget, bool HasRecommendation, BulkDecisionForm Bulk, int Page, int Pages);

public sealed record DecisionDetail(int RoundId, int ApplicationId, string? Reference, string Organisation, string ProjectTitle, decimal Requested, ApplicationStatus Status,
    bool Decided, string? Recommended, DecisionForm Form);
