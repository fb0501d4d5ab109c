using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.Web.Features.Rounds;

/// <summary>A round's main details. Dates are entered and shown in UK time.</summary>
public sealed class RoundDetailsForm
{
    public int? Id { get; set; }

    public int ProgrammeId { get; set; }

    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the round's title")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [StringLength(20000, ErrorMessage = "The description must be 20,000 characters or fewer")]
    [Display(Name = "Description (Markdown)")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the round opens")]
    [Display(Name = "Opens (UK time)")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Enter when the round closes")]
    [Display(Name = "Closes (UK time)")]
    public DateTime? ClosesAt { get; set; }

    [Required(ErrorMessage = "Enter the round budget")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Enter a budget up to £1,000,000,000")]
    [Display(Name = "Round budget (£)")]
    public decimal? Budget { get; set; }

    [Required(ErrorMessage = "Enter the smallest grant")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Enter a minimum grant of £0 or more")]
    [Display(Name = "Minimum grant (£)")]
    public decimal? MinimumGrant { get; set; }

    [Required(ErrorMessage = "Enter the largest grant")]
    [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Enter a maximum grant of £1 or more")]
    [Display(Name = "Maximum grant (£)")]
    public decimal? MaximumGrant { get; set; }

    [Required(ErrorMessage = "Enter the longest a grant may last")]
    [Display(Name = "Longest grant (months, up to 36)")]
    public int? MaximumDurationMonths { get; set; }
}

public sealed class EligibilityForm
{
    public Guid Version { get; set; }

    [Display(Name = "Who can apply")]
    public List<OrganisationTypes> AllowedTypes { get; set; } = [];

    [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Enter a maximum income of £1 or more, or leave it empty")]
    [Display(Name = "Maximum annual income (£), if any")]
    public decimal? MaximumAnnualIncome { get; set; }

    [Display(Name = "Local authority areas served")]
    public List<string> AreaCodes { get; set; } = [];
}

public sealed class RingFenceForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter the pot's name")]
    [StringLength(200)]
    [Display(Name = "Name of the pot")]
    public string Name { get; set; } = "";

    [Display(Name = "Share of the budget")]
    public RingFenceShare Share { get; set; } = RingFenceShare.Percentage;

    [Display(Name = "Amount or percentage")]
    [Required(ErrorMessage = "Enter the pot's share of the budget")]
    public decimal? ShareValue { get; set; }

    [Display(Name = "Who qualifies")]
    public RingFenceQualifier Qualifier { get; set; }

    [Display(Name = "DEI taxonomy code")]
    public string? DeiCode { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Share == RingFenceShare.Percentage && ShareValue is <= 0 or > 100)
        {
            yield return new ValidationResult("Enter a percentage between 0 and 100", [nameof(ShareValue)]);
        }

        if (Share == RingFenceShare.Amount && ShareValue is <= 0)
        {
            yield return new ValidationResult("Enter an amount of more than £0", [nameof(ShareValue)]);
        }

        if (Qualifier == RingFenceQualifier.DeiCode && (string.IsNullOrEmpty(DeiCode) || !Domain.Equality.DeiTaxonomy.IsKnown(DeiCode)))
        {
            yield return new ValidationResult("Select a DEI taxonomy code", [nameof(DeiCode)]);
        }
    }
}

public enum RingFenceShare
{
    Percentage,
    Amount,
}

public sealed class CriteriaForm
{
    public Guid Version { get; set; }

    public List<CriterionRow> Rows { get; set; } = [];

    [Display(Name = "Lowest score")]
    [Range(0, 10, ErrorMessage = "The lowest score must be from 0 to 10")]
    public int ScoreMinimum { get; set; }

    [Display(Name = "Highest score")]
    [Range(1, 10, ErrorMessage = "The highest score must be from 1 to 10")]
    public int ScoreMaximum { get; set; } = 4;
}

public sealed class CriterionRow
{
    [StringLength(200)]
    public string? Name { get; set; }

    [StringLength(4000)]
    public string? Guidance { get; set; }

    [Range(0, 100, ErrorMessage = "A weight must be from 0 to 100")]
    public int? Weight { get; set; }
}

public sealed class SectionForm
{
    [Required(ErrorMessage = "Enter the section's title")]
    [StringLength(200)]
    [Display(Name = "Section title")]
    public string Title { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Introduction (optional)")]
    public string? Description { get; set; }
}

public sealed class QuestionForm : IValidatableObject
{
    public int SectionId { get; set; }

    [Required(ErrorMessage = "Enter the question")]
    [StringLength(1000)]
    [Display(Name = "Question")]
    public string Text { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Help text (optional)")]
    public string? HelpText { get; set; }

    [Display(Name = "Type of answer")]
    public QuestionType Type { get; set; }

    [Display(Name = "An answer is required")]
    public bool Required { get; set; }

    [Range(1, 5000, ErrorMessage = "A word limit must be from 1 to 5,000")]
    [Display(Name = "Word limit (long text)")]
    public int? WordLimit { get; set; }

    [StringLength(4000)]
    [Display(Name = "Options, one a line (choice questions)")]
    public string? Options { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var options = (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && options.Length < 2)
        {
            yield return new ValidationResult("Give at least two options, one a line", [nameof(Options)]);
        }

        if (options.Length != options.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            yield return new ValidationResult("Each option must be different", [nameof(Options)]);
        }
    }
}
