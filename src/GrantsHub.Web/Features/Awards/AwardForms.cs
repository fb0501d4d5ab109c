using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Awards;

namespace GrantsHub.Web.Features.Awards;

public sealed record AwardProblem(string Field, string Message);

public sealed class OfferTermsForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the start date")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the end date")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Enter the conditions of the grant")]
    [StringLength(8000, ErrorMessage = "Conditions must be 8,000 characters or fewer")]
    public string? Conditions { get; set; }

    [Range(1, 12, ErrorMessage = "Reports must be due every 1 to 12 months")]
    public int ReportIntervalMonths { get; set; } = 6;

    public DateOnly? RespondBy { get; set; }
}

public sealed class MilestoneForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter a title for the milestone")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "The description must be 4,000 characters or fewer")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter the date the milestone is due")]
    public DateOnly? DueDate { get; set; }

    [Required(ErrorMessage = "Enter what is measured, for example people supported")]
    [StringLength(100, ErrorMessage = "The measure must be 100 characters or fewer")]
    public string? TargetMeasure { get; set; }

    [Required(ErrorMessage = "Enter the target")]
    [Range(1, 1_000_000, ErrorMessage = "The target must be a whole number from 1 to 1,000,000")]
    public int? TargetValue { get; set; }
}

public sealed class TrancheForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the amount of the payment")]
    [Range(typeof(decimal), "0.01", "100000000", ErrorMessage = "Enter an amount of at least 1p")]
    public decimal? Amount { get; set; }

    [Required(ErrorMessage = "Enter the date the payment is planned")]
    public DateOnly? PlannedDate { get; set; }

    /// <summary>The milestone whose approval releases the payment; none means it falls due on the planned date.</summary>
    public int? MilestoneId { get; set; }
}

public sealed class IssueOfferForm
{
    public Guid Version { get; set; }
}

public sealed class AcceptOfferForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the full name of the person accepting the offer")]
    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    public string? SignatoryName { get; set; }

    [Required(ErrorMessage = "Enter the signatory's position in the organisation")]
    [StringLength(200, ErrorMessage = "The position must be 200 characters or fewer")]
    public string? SignatoryPosition { get; set; }

    public bool AgreeToConditions { get; set; }
}

public sealed class DeclineOfferForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Tell the funder why you are declining the offer")]
    [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }
}

public sealed class EvidenceForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Describe what was achieved")]
    [StringLength(8000, ErrorMessage = "The description must be 8,000 characters or fewer")]
    public string? Narrative { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "The achieved value must be a whole number from 0 to 1,000,000")]
    public int? ActualValue { get; set; }
}

public enum ReviewChoice
{
    Approve,
    RequestChanges,
}

public sealed class ReviewForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Choose whether to approve or ask for changes")]
    public ReviewChoice? Choice { get; set; }

    [StringLength(4000, ErrorMessage = "The comment must be 4,000 characters or fewer")]
    public string? Comment { get; set; }
}

public sealed class PaymentForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the date the payment was made")]
    public DateOnly? PaidOn { get; set; }

    [Required(ErrorMessage = "Enter the payment reference")]
    [StringLength(100, ErrorMessage = "The reference must be 100 characters or fewer")]
    public string? Reference { get; set; }
}

public sealed class ReportForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the number of people reached")]
    [Range(0, 10_000_000, ErrorMessage = "People reached must be a whole number from 0 to 10,000,000")]
    public int? PeopleReached { get; set; }

    [Required(ErrorMessage = "Describe the progress in this period")]
    [StringLength(8000, ErrorMessage = "The narrative must be 8,000 characters or fewer")]
    public string? Narrative { get; set; }

    /// <summary>People reached by community, keyed by DEI code (Counts[DEI020200]).</summary>
    public Dictionary<string, int?> Counts { get; set; } = [];

    /// <summary>One more community not in the organisation's profile.</summary>
    public string? OtherCode { get; set; }

    public int? OtherCount { get; set; }
}

public sealed class VariationForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Choose what you want to change")]
    public VariationKind? Kind { get; set; }

    [Required(ErrorMessage = "Give the reason for the change")]
    [StringLength(4000, ErrorMessage = "The reason must be 4,000 characters or fewer")]
    public string? Reason { get; set; }

    public DateOnly? NewEndDate { get; set; }
    public int? MilestoneId { get; set; }
    public DateOnly? NewDueDate { get; set; }

    /// <summary>Proposed amount and planned date of each unpaid tranche, keyed by tranche id.</summary>
    public Dictionary<int, decimal?> TrancheAmounts { get; set; } = [];

    public Dictionary<int, DateOnly?> TrancheDates { get; set; } = [];
}

public sealed class VariationDecisionForm
{
    [Required(ErrorMessage = "Choose whether to approve or reject the variation")]
    public bool? Approve { get; set; }

    [StringLength(4000, ErrorMessage = "The comment must be 4,000 characters or fewer")]
    public string? Comment { get; set; }
}
