using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Web.Features.OpenData;

/// <summary>What the open data says about one awarded grant, read from the database a page at a time.</summary>
public sealed record GrantSource(
    int ApplicationId, string ProjectTitle, decimal AmountRequested, decimal AmountAwarded, DateTimeOffset AwardedAt, DateOnly StartDate, DateOnly EndDate, int ProgrammeId, string Programme, string Round, string Currency,
    int OrganisationId, string Organisation, LegalForm LegalForm, string? CharityNumber, string? CompanyNumber,
    string? AreaCode, string? AreaName, bool PublishEqualityData)
{
    public IReadOnlyList<string> Leadership { get; init; } = [];
    public IReadOnlyList<string> CommunitiesServed { get; init; } = [];
}

public sealed record Publisher(string Name, string Prefix);

/// <summary>
/// Writes one grant as a 360Giving JSON object (with the DEI extension's deiDetails only where the
/// organisation allowed it) and as a row of the 360Giving flat CSV layout.
/// </summary>
public static class GrantRecord
{
    public const string DeiExtension = "https://raw.githubusercontent.com/ThreeSixtyGiving/dei-extension/main/extension.json";

    public static readonly string[] CsvHeaders =
    [
        "Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded", "Award Date",
        "Planned Dates:Start Date", "Planned Dates:End Date", "Planned Dates:Duration (months)",
        "Recipient Org:Identifier", "Recipient Org:Name", "Recipient Org:Charity Number", "Recipient Org:Company Number",
        "Beneficiary Location:Name", "Beneficiary Location:Geographic Code", "Beneficiary Location:Geographic Code Type",
        "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title", "From An Open Call?", "Last Modified",
        "DEI Details:Leadership:Asked Status", "DEI Details:Leadership:Reply Status", "DEI Details:Leadership:Response:Taxonomy Codes",
        "DEI Details:Mission:Asked Status", "DEI Details:Mission:Reply Status", "DEI Details:Mission:Response:Taxonomy Codes",
        "DEI Details:Project:Asked Status",
    ];

    private static DateOnly AwardDate(GrantSource g) => DateOnly.FromDateTime(Infrastructure.UkTime.ToLocal(g.AwardedAt));

    public static string GrantId(Publisher publisher, int applicationId) => string.Create(CultureInfo.InvariantCulture, $"{publisher.Prefix}-{applicationId}");

    /// <summary>GB-CHC- for a registered charity, GB-COH- for a company, otherwise an identifier under the funder's own prefix.</summary>
    public static string RecipientOrgId(Publisher publisher, LegalForm form, string? charityNumber, string? companyNumber, int organisationId) =>
        !string.IsNullOrWhiteSpace(charityNumber) && form is LegalForm.RegisteredCharity or LegalForm.CharitableIncorporatedOrganisation ? $"GB-CHC-{charityNumber.Trim()}"
        : !string.IsNullOrWhiteSpace(companyNumber) ? $"GB-COH-{companyNumber.Trim().ToUpperInvariant()}"
        : !string.IsNullOrWhiteSpace(charityNumber) ? $"GB-CHC-{charityNumber.Trim()}"
        : string.Create(CultureInfo.InvariantCulture, $"{publisher.Prefix}-ORG-{organisationId}");

    /// <summary>The 360Giving geographic code type of an ONS local authority code.</summary>
    public static string? GeoCodeType(string code) => code.Length < 3 ? null : code[..3] switch
    {
        "E06" or "W06" => "UA",
        "E07" => "NMD",
        "E08" => "MD",
        "E09" => "LONB",
        "S12" => "CA",
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whole months from the start to the end date inclusive, as 360Giving's duration.</summary>
    public static int DurationMonths(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        return Math.Max(1, ((after.Year - start.Year) * 12) + after.Month - start.Month - (after.Day < start.Day ? 1 : 0));
    }

    /// <summary>The grant's JSON object; without <paramref name="dateModified"/> it is the content whose hash tells whether the grant changed.</summary>
    public static void WriteJson(Utf8JsonWriter w, Publisher publisher, GrantSource g, DateTimeOffset? dateModified)
    {
        w.WriteStartObject();
        w.WriteString("id", GrantId(publisher, g.ApplicationId));
        w.WriteString("title", g.ProjectTitle);
        w.WriteString("description", $"{g.ProjectTitle}: funded by {g.Programme}, {g.Round}.");
        w.WriteString("currency", g.Currency);
        w.WriteNumber("amountAppliedFor", g.AmountRequested);
        w.WriteNumber("amountAwarded", g.AmountAwarded);
        w.WriteString("awardDate", Date(AwardDate(g)));
        w.WriteStartArray("plannedDates");
        w.WriteStartObject();
        w.WriteString("startDate", Date(g.StartDate));
        w.WriteString("endDate", Date(g.EndDate));
        w.WriteNumber("duration", DurationMonths(g.StartDate, g.EndDate));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("recipientOrganization");
        w.WriteStartObject();
        w.WriteString("id", RecipientOrgId(publisher, g.LegalForm, g.CharityNumber, g.CompanyNumber, g.OrganisationId));
        w.WriteString("name", g.Organisation);
        WriteIfPresent(w, "charityNumber", g.CharityNumber);
        WriteIfPresent(w, "companyNumber", g.CompanyNumber);
        w.WriteEndObject();
        w.WriteEndArray();
        if (g.AreaCode is not null)
        {
            w.WriteStartArray("beneficiaryLocation");
            w.WriteStartObject();
            w.WriteString("name", g.AreaName ?? g.AreaCode);
            w.WriteString("countryCode", "GB");
            w.WriteString("geoCode", g.AreaCode);
            if (GeoCodeType(g.AreaCode) is { } type)
            {
                w.WriteString("geoCodeType", type);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartArray("fundingOrganization");
        w.WriteStartObject();
        w.WriteString("id", publisher.Prefix);
        w.WriteString("name", publisher.Name);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("grantProgramme");
        w.WriteStartObject();
        w.WriteString("code", string.Create(CultureInfo.InvariantCulture, $"{publisher.Prefix}-programme-{g.ProgrammeId}"));
        w.WriteString("title", g.Programme);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("fromOpenCall", "Yes");
        if (dateModified is { } modified)
        {
            w.WriteString("dateModified", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (g.PublishEqualityData)
        {
            w.WriteStartObject("deiDetails");
            WriteArea(w, "leadership", g.Leadership);
            WriteArea(w, "mission", g.CommunitiesServed);
            w.WriteStartObject("project");
            w.WriteString("askedStatus", "AS100"); // GrantsHub asks about the organisation, not about each project
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>An area asked on the organisation profile before any decision: codes when given, "no reply" otherwise.</summary>
    private static void WriteArea(Utf8JsonWriter w, string name, IReadOnlyList<string> codes)
    {
        w.WriteStartObject(name);
        w.WriteString("askedStatus", "AS200");
        w.WriteString("replyStatus", codes.Count > 0 ? "RS200" : "RS100");
        if (codes.Count > 0)
        {
            w.WriteStartObject("response");
            w.WriteStartArray("taxonomyCodes");
            foreach (var code in codes.Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(code);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            w.WriteString(name, value.Trim());
        }
    }

    public static string CsvRow(Publisher publisher, GrantSource g, DateTimeOffset dateModified)
    {
        var dei = g.PublishEqualityData;
        string[] cells =
        [
            GrantId(publisher, g.ApplicationId), g.ProjectTitle, $"{g.ProjectTitle}: funded by {g.Programme}, {g.Round}.", g.Currency,
            g.AmountRequested.ToString(CultureInfo.InvariantCulture), g.AmountAwarded.ToString(CultureInfo.InvariantCulture), Date(AwardDate(g)),
            Date(g.StartDate), Date(g.EndDate), DurationMonths(g.StartDate, g.EndDate).ToString(CultureInfo.InvariantCulture),
            RecipientOrgId(publisher, g.LegalForm, g.CharityNumber, g.CompanyNumber, g.OrganisationId), g.Organisation, g.CharityNumber ?? "", g.CompanyNumber ?? "",
            g.AreaName ?? "", g.AreaCode ?? "", g.AreaCode is null ? "" : GeoCodeType(g.AreaCode) ?? "",
            publisher.Prefix, publisher.Name, string.Create(CultureInfo.InvariantCulture, $"{publisher.Prefix}-programme-{g.ProgrammeId}"), g.Programme, "Yes",
            dateModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            dei ? "AS200" : "", dei ? (g.Leadership.Count > 0 ? "RS200" : "RS100") : "", dei ? string.Join(';', g.Leadership.Distinct().Order(StringComparer.Ordinal)) : "",
            dei ? "AS200" : "", dei ? (g.CommunitiesServed.Count > 0 ? "RS200" : "RS100") : "", dei ? string.Join(';', g.CommunitiesServed.Distinct().Order(StringComparer.Ordinal)) : "",
            dei ? "AS100" : "",
        ];
        return CsvLine(cells);
    }

    public static string CsvLine(IReadOnlyList<string> cells)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(cells.ToArray());
        }

        return writer.ToString();
    }

    /// <summary>SHA-256 of the grant's content without its dateModified: equal hashes mean nothing published about the grant changed.</summary>
    public static string ContentHash(ArrayBufferWriter<byte> buffer, Publisher publisher, GrantSource g)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, publisher, g, null);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string Json(ArrayBufferWriter<byte> buffer, Publisher publisher, GrantSource g, DateTimeOffset dateModified)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, publisher, g, dateModified);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
