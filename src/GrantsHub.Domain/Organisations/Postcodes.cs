using System.Text.RegularExpressions;

namespace GrantsHub.Domain.Organisations;

/// <summary>Format check for UK postcodes (e.g. NE1 4ST, SW1A 1AA); it does not prove a postcode exists.</summary>
public static partial class Postcodes
{
    public static bool IsValid(string value) => Pattern().IsMatch(Normalise(value));

    /// <summary>Upper case with one space before the inward code: "ne14st" → "NE1 4ST".</summary>
    public static string Normalise(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    [GeneratedRegex("^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex Pattern();
}
