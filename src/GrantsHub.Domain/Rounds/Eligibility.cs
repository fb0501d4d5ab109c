using System.Globalization;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Domain.Rounds;

/// <summary>Kinds of organisation a round may be open to. An applicant must be at least one of those allowed.</summary>
[Flags]
public enum OrganisationTypes
{
    None = 0,
    UserLed = 1,
    CommunityLed = 2,
    RegisteredCharity = 4,
    CharitableIncorporatedOrganisation = 8,
    CommunityInterestCompany = 16,
    CompanyLimitedByGuarantee = 32,
    UnincorporatedGroup = 64,
}

/// <summary>A reason an organisation cannot apply, worded for the applicant.</summary>
public sealed record EligibilityFailure(string Rule, string Explanation);

public static class Eligibility
{
    public static OrganisationTypes TypesOf(Organisation organisation)
    {
        var types = organisation.LegalForm switch
        {
            LegalForm.RegisteredCharity => OrganisationTypes.RegisteredCharity,
            LegalForm.CharitableIncorporatedOrganisation => OrganisationTypes.CharitableIncorporatedOrganisation,
            LegalForm.CommunityInterestCompany => OrganisationTypes.CommunityInterestCompany,
            LegalForm.CompanyLimitedByGuarantee => OrganisationTypes.CompanyLimitedByGuarantee,
            _ => OrganisationTypes.UnincorporatedGroup,
        };
        if (organisation.IsUserLed)
        {
            types |= OrganisationTypes.UserLed;
        }

        if (organisation.IsCommunityLed)
        {
            types |= OrganisationTypes.CommunityLed;
        }

        return types;
    }

    /// <summary>Every rule of the round the organisation fails, each explained. Empty means eligible.</summary>
    public static IReadOnlyList<EligibilityFailure> Check(Round round, Organisation organisation)
    {
        var failures = new List<EligibilityFailure>();
        if (round.AllowedOrganisationTypes != OrganisationTypes.None && (round.AllowedOrganisationTypes & TypesOf(organisation)) == 0)
        {
            failures.Add(new EligibilityFailure("Organisation type",
                $"This round is open only to organisations that are: {Describe(round.AllowedOrganisationTypes)}. Your profile says {organisation.Name} is none of these."));
        }

        if (round.MaximumAnnualIncome is { } maxIncome)
        {
            if (organisation.IncomeBand is not { } band)
            {
                failures.Add(new EligibilityFailure("Annual income",
                    $"This round is for organisations with an annual income under {Money(maxIncome)}. Add your income band to your organisation profile."));
            }
            else if (IncomeBands.LowerBound(band) >= maxIncome)
            {
                failures.Add(new EligibilityFailure("Annual income",
                    $"This round is for organisations with an annual income under {Money(maxIncome)}; your profile says {IncomeBands.Describe(band)}."));
            }
        }

        if (round.Areas.Count > 0)
        {
            var codes = round.Areas.Select(a => a.AreaCode).ToHashSet();
            if (organisation.LocalAuthorityCode is null)
            {
                failures.Add(new EligibilityFailure("Area", "This round is only for organisations in certain areas. Add your local authority to your organisation profile."));
            }
            else if (!codes.Contains(organisation.LocalAuthorityCode))
            {
                failures.Add(new EligibilityFailure("Area", "This round is only for organisations based in the areas listed on the round page; your organisation is based elsewhere."));
            }
        }

        return failures;
    }

    public static string Describe(OrganisationTypes types) =>
        string.Join(", ", Enum.GetValues<OrganisationTypes>().Where(t => t != OrganisationTypes.None && types.HasFlag(t)).Select(Label));

    public static string Label(OrganisationTypes type) => type switch
    {
        OrganisationTypes.UserLed => "user-led",
        OrganisationTypes.CommunityLed => "community-led",
        OrganisationTypes.RegisteredCharity => "a registered charity",
        OrganisationTypes.CharitableIncorporatedOrganisation => "a CIO",
        OrganisationTypes.CommunityInterestCompany => "a CIC",
        OrganisationTypes.CompanyLimitedByGuarantee => "a company limited by guarantee",
        OrganisationTypes.UnincorporatedGroup => "an unincorporated group",
        _ => type.ToString(),
    };

    private static string Money(decimal value) => value.ToString("C0", CultureInfo.GetCultureInfo("en-GB"));
}

public static class IncomeBands
{
    public static decimal LowerBound(IncomeBand band) => band switch
    {
        IncomeBand.Under10k => 0m,
        IncomeBand.From10kTo50k => 10_000m,
        IncomeBand.From50kTo100k => 50_000m,
        IncomeBand.From100kTo250k => 100_000m,
        IncomeBand.From250kTo1m => 250_000m,
        _ => 1_000_000m,
    };

    public static string Describe(IncomeBand band) => band switch
    {
        IncomeBand.Under10k => "under £10,000",
        IncomeBand.From10kTo50k => "£10,000 to £50,000",
        IncomeBand.From50kTo100k => "£50,000 to £100,000",
        IncomeBand.From100kTo250k => "£100,000 to £250,000",
        IncomeBand.From250kTo1m => "£250,000 to £1 million",
        _ => "over £1 million",
    };
}

/// <summary>A local authority area a round is open to.</summary>
public class RoundArea
{
    public int RoundId { get; set; }
    public required string AreaCode { get; set; }
}
