using System.Text.RegularExpressions;

namespace GrantsHub.Domain.Organisations;

/// <summary>Format checks for UK charity and company numbers, and their 360Giving org-ids.</summary>
public static partial class OrganisationNumbers
{
    /// <summary>Charity Commission for England and Wales: 6 or 7 digits (e.g. 1164883, 210183).</summary>
    public static bool IsValidCharityNumber(string value) => CharityPattern().IsMatch(Normalise(value));

    /// <summary>Companies House: 8 characters, all digits or a 2-letter prefix such as SC, NI, OC then 6 digits.</summary>
    public static bool IsValidCompanyNumber(string value) => CompanyPattern().IsMatch(Normalise(value));

    public static string Normalise(string value) => value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    [GeneratedRegex("^[0-9]{6,7}$")]
    private static partial Regex CharityPattern();

    [GeneratedRegex("^([0-9]{8}|(SC|NI|OC|SO|NC|R0|IP|SP|RS|NP|SE|FC|SF|CE|CS|GE|GS|LP|SL)[0-9]{6})$")]
    private static partial Regex CompanyPattern();
}
