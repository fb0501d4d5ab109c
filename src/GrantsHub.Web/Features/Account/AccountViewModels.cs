using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Web.Features.Account;

public sealed class SignInViewModel
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterViewModel : IValidatableObject
{
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200)]
    [Display(Name = "Your full name")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a password")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "Your password must be at least 10 characters")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter your password again")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter your organisation's name")]
    [StringLength(200)]
    [Display(Name = "Organisation name")]
    public string OrganisationName { get; set; } = "";

    [Required(ErrorMessage = "Select your organisation's legal form")]
    [Display(Name = "Legal form")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "Charity number (if registered)")]
    public string? CharityNumber { get; set; }

    [Display(Name = "Company number (if incorporated)")]
    public string? CompanyNumber { get; set; }

    [Display(Name = "Local authority area")]
    public string? LocalAuthorityCode { get; set; }

    [Display(Name = "We are user-led: run and controlled by people who use our services")]
    public bool IsUserLed { get; set; }

    [Display(Name = "We are community-led: run by the community we serve")]
    public bool IsCommunityLed { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Organisations.OrganisationRules.ValidateNumbers(LegalForm, CharityNumber, CompanyNumber, nameof(CharityNumber), nameof(CompanyNumber));
}

public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";
}

public sealed class ResetPasswordViewModel
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Token { get; set; } = "";

    /// <summary>Set when the link came with a team invitation: the person is choosing a first password.</summary>
    public bool Welcome { get; set; }

    [Required(ErrorMessage = "Enter a new password")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "Your password must be at least 10 characters")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter your new password again")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm new password")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class PasswordResetEmail : Reminders.EmailModel
{
    public required string ResetUrl { get; init; }
}
