using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Partnerships;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>An agreement's details. Dates are UK calendar dates.</summary>
public sealed class AgreementForm : IValidatableObject
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the agreement's title")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter what the partnership is for")]
    [StringLength(4000, ErrorMessage = "The purpose must be 4,000 characters or fewer")]
    [Display(Name = "Purpose")]
    public string Purpose { get; set; } = "";

    [Required(ErrorMessage = "Enter the date the agreement starts")]
    [Display(Name = "Starts on")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Enter the date the agreement ends")]
    [Display(Name = "Ends on")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Review on (optional)")]
    public DateOnly? ReviewOn { get; set; }

    [StringLength(2000, ErrorMessage = "The renewal terms must be 2,000 characters or fewer")]
    [Display(Name = "Renewal terms (optional)")]
    public string? RenewalTerms { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartsOn is { } starts && EndsOn is { } ends && ends < starts)
        {
            yield return new ValidationResult("The end date must be on or after the start date", [nameof(EndsOn)]);
        }

        if (ReviewOn is { } review && (StartsOn is { } from && review < from || EndsOn is { } to && review > to))
        {
            yield return new ValidationResult("The review date must be between the start and end dates", [nameof(ReviewOn)]);
        }
    }
}

public sealed class PartyForm : IValidatableObject
{
    /// <summary>The value of <see cref="Kind"/> for an organisation on GrantsHub; otherwise an <see cref="ExternalBodyKind"/>.</summary>
    public const string OnGrantsHub = "GrantsHub";

    [Required(ErrorMessage = "Choose who the partner is")]
    [Display(Name = "Who is the partner?")]
    public string? Kind { get; set; }

    [Display(Name = "Organisation on GrantsHub")]
    public int? OrganisationId { get; set; }

    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    [Display(Name = "Name of the body")]
    public string? ExternalName { get; set; }

    [StringLength(200, ErrorMessage = "The contact name must be 200 characters or fewer")]
    [Display(Name = "Contact name")]
    public string? ContactName { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org")]
    [StringLength(256, ErrorMessage = "The email address must be 256 characters or fewer")]
    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [Required(ErrorMessage = "Enter the partner's role")]
    [StringLength(200, ErrorMessage = "The role must be 200 characters or fewer")]
    [Display(Name = "Role")]
    public string Role { get; set; } = "";

    [StringLength(2000, ErrorMessage = "The responsibilities must be 2,000 characters or fewer")]
    [Display(Name = "Responsibilities")]
    public string? Responsibilities { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is null)
        {
            yield break;
        }

        if (Kind != OnGrantsHub && ExternalKind is null)
        {
            yield return new ValidationResult("Choose who the partner is from the list", [nameof(Kind)]);
        }
        else if (Kind == OnGrantsHub && OrganisationId is null)
        {
            yield return new ValidationResult("Choose the organisation from the list", [nameof(OrganisationId)]);
        }
        else if (Kind != OnGrantsHub)
        {
            if (string.IsNullOrWhiteSpace(ExternalName))
            {
                yield return new ValidationResult("Enter the name of the body", [nameof(ExternalName)]);
            }

            if (string.IsNullOrWhiteSpace(ContactName))
            {
                yield return new ValidationResult("Enter a contact name at the body", [nameof(ContactName)]);
            }
        }
    }

    /// <summary>The kind of external body chosen, or null for an organisation on GrantsHub (or nothing valid).</summary>
    public ExternalBodyKind? ExternalKind =>
        Enum.TryParse<ExternalBodyKind>(Kind, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null;
}

public sealed class AgreementActionForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Choose what to do")]
    public AgreementAction? Action { get; set; }
}

public sealed class SignedCopyForm
{
    public Guid Version { get; set; }

    [Display(Name = "Signed copy")]
    public IFormFile? File { get; set; }
}

public static class PartnershipLabels
{
    public static string Of(ExternalBodyKind kind) => kind switch
    {
        ExternalBodyKind.LocalAuthority => "Local authority",
        ExternalBodyKind.IntegratedCareBoard => "NHS integrated care board (ICB)",
        ExternalBodyKind.NhsTrust => "NHS trust",
        ExternalBodyKind.PrimaryCareNetwork => "Primary care network (PCN)",
        ExternalBodyKind.School => "School",
        ExternalBodyKind.FaithGroup => "Faith group",
        ExternalBodyKind.Business => "Business",
        _ => "Other body",
    };

    /// <summary>The choices for a new party's kind, as values and labels.</summary>
    public static IEnumerable<(string Value, string Label)> PartyKinds() =>
        Enum.GetValues<ExternalBodyKind>().Select(k => (k.ToString(), Of(k))).Prepend((PartyForm.OnGrantsHub, "An organisation on GrantsHub"));

    public static string Of(AgreementAction action) => action switch
    {
        AgreementAction.Sign => "Mark as signed",
        AgreementAction.Activate => "Mark as active",
        AgreementAction.StartReview => "Start a review",
        AgreementAction.CompleteReview => "Complete the review",
        _ => "Terminate the agreement",
    };

    public static string Past(AgreementAction action) => action switch
    {
        AgreementAction.Sign => "marked as signed",
        AgreementAction.Activate => "marked as active",
        AgreementAction.StartReview => "put under review",
        AgreementAction.CompleteReview => "review completed; active again",
        _ => "terminated",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Infrastructure.UkTime.Culture);
}
