using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Web.Features.Organisations;

/// <summary>The format rules for an organisation's registration numbers, shared by registration and the profile.</summary>
public static class OrganisationRules
{
    public static IEnumerable<ValidationResult> ValidateNumbers(LegalForm? legalForm, string? charityNumber, string? companyNumber, string charityField, string companyField)
    {
        if (!string.IsNullOrWhiteSpace(charityNumber) && !OrganisationNumbers.IsValidCharityNumber(charityNumber))
        {
            yield return new ValidationResult("Enter a charity number of 6 or 7 digits, like 1164883", [charityField]);
        }

        if (!string.IsNullOrWhiteSpace(companyNumber) && !OrganisationNumbers.IsValidCompanyNumber(companyNumber))
        {
            yield return new ValidationResult("Enter a company number of 8 characters, like 08123456 or SC123456", [companyField]);
        }

        if (legalForm is LegalForm.RegisteredCharity or LegalForm.CharitableIncorporatedOrganisation && string.IsNullOrWhiteSpace(charityNumber))
        {
            yield return new ValidationResult("Enter your charity number: registered charities and CIOs have one", [charityField]);
        }

        if (legalForm is LegalForm.CommunityInterestCompany or LegalForm.CompanyLimitedByGuarantee && string.IsNullOrWhiteSpace(companyNumber))
        {
            yield return new ValidationResult("Enter your company number: CICs and companies have one", [companyField]);
        }
    }

    public static string? Number(string? value) => string.IsNullOrWhiteSpace(value) ? null : OrganisationNumbers.Normalise(value);

    public static string LegalFormLabel(LegalForm form) => form switch
    {
        LegalForm.RegisteredCharity => "Registered charity",
        LegalForm.CharitableIncorporatedOrganisation => "Charitable incorporated organisation (CIO)",
        LegalForm.CommunityInterestCompany => "Community interest company (CIC)",
        LegalForm.CompanyLimitedByGuarantee => "Company limited by guarantee",
        _ => "Unincorporated group or association",
    };
}
