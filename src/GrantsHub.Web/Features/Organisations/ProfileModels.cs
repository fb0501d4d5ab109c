using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Web.Features.Organisations;

/// <summary>The organisation profile as its members see and edit it.</summary>
public sealed class OrganisationProfileForm : IValidatableObject
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Enter your organisation's name")]
    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    [Display(Name = "Organisation name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Select your organisation's legal form")]
    [Display(Name = "Legal form")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "Charity number (if registered)")]
    public string? CharityNumber { get; set; }

    [Display(Name = "Company number (if incorporated)")]
    public string? CompanyNumber { get; set; }

    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [Display(Name = "Local authority area")]
    public string? LocalAuthorityCode { get; set; }

    [Display(Name = "Annual income")]
    public IncomeBand? IncomeBand { get; set; }

    [Display(Name = "We are user-led: run and controlled by the people who use our services")]
    public bool IsUserLed { get; set; }

    [Display(Name = "We are community-led: run by the community we serve")]
    public bool IsCommunityLed { get; set; }

    [Display(Name = "We are led by people with lived experience of mental ill-health")]
    public bool LedByLivedExperience { get; set; }

    [Display(Name = "We are led by people from racialised communities")]
    public bool LedByRacialisedCommunities { get; set; }

    public List<string> CommunitiesServed { get; set; } = [];

    public List<string> Leadership { get; set; } = [];

    [Display(Name = "You may publish our equality information in open data (360Giving)")]
    public bool PublishEqualityData { get; set; }

    [StringLength(200, ErrorMessage = "The contact name must be 200 characters or fewer")]
    [Display(Name = "Contact name")]
    public string? ContactName { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [StringLength(256)]
    [Display(Name = "Contact email address")]
    public string? ContactEmail { get; set; }

    [RegularExpression(@"^[0-9 +()\-]{10,20}$", ErrorMessage = "Enter a telephone number, like 0191 498 0000 or +44 191 498 0000")]
    [Display(Name = "Contact telephone")]
    public string? ContactPhone { get; set; }

    public Guid Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in OrganisationRules.ValidateNumbers(LegalForm, CharityNumber, CompanyNumber, nameof(CharityNumber), nameof(CompanyNumber)))
        {
            yield return result;
        }

        if (!string.IsNullOrWhiteSpace(Postcode) && !Postcodes.IsValid(Postcode))
        {
            yield return new ValidationResult("Enter a real postcode, like NE1 4ST", [nameof(Postcode)]);
        }
    }
}

/// <summary>The profile page: the saved profile, and what a member may do with it.</summary>
public sealed record OrganisationProfilePage(OrganisationProfileForm Profile, string? AreaName, bool IsOwner);

/// <summary>A field whose saved value differs from what someone tried to save in a stale form.</summary>
public sealed record UnsavedChange(string Field, string Yours);

public sealed class InviteForm
{
    [Required(ErrorMessage = "Enter your colleague's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [StringLength(256)]
    [Display(Name = "Colleague's email address")]
    public string Email { get; set; } = "";
}

public sealed record MemberRow(string Name, string Email, MemberRole Role, DateTimeOffset JoinedAt);

public sealed record PendingInvitationRow(string Email, DateTimeOffset ExpiresAt);

public sealed record MembersPage(int OrganisationId, string OrganisationName, bool IsOwner, GrantsHub.Web.Infrastructure.Page<MemberRow> Members, IReadOnlyList<PendingInvitationRow> Pending, InviteForm Invite);

public sealed class InvitationEmail : Reminders.EmailModel
{
    public required string OrganisationName { get; init; }
    public required string InvitedBy { get; init; }
    public required string AcceptUrl { get; init; }
    public required string ExpiresOn { get; init; }
}

public sealed class InvitationRegisterForm
{
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200)]
    [Display(Name = "Your full name")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter a password")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "Your password must be at least 10 characters")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter your password again")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
public sealed record InvitationPage(InvitationView Invitation, InvitationRegisterForm Form);
public sealed record DeiChoices(string Field, string Legend, string Hint, IReadOnlyList<string> Selected);
