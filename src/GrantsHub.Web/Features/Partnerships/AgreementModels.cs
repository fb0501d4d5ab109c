using GrantsHub.Domain.Partnerships;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GrantsHub.Web.Features.Partnerships;

public sealed record AgreementRow(int Id, string Title, string LeadName, bool Led, AgreementStatus Status, DateOnly EndsOn, int Parties);

public sealed record AgreementListPage(int OrganisationId, string OrganisationName, Page<AgreementRow> Rows);

public sealed record PartyView(int Id, string Name, string Kind, bool OnGrantsHub, string? ContactName, string? ContactEmail, string Role, string? Responsibilities);

public sealed record LinkedAward(int Id, string Reference, string Status);

public sealed record HistoryRow(DateTimeOffset At, string Actor, string Summary);

public sealed record AgreementView(
    int Id, string Title, string Purpose, int LeadOrganisationId, string LeadName, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ReviewOn,
    string? RenewalTerms, AgreementStatus Status, string? DocumentName, DateTimeOffset? DocumentUploadedAt, IReadOnlyList<PartyView> Parties, IReadOnlyList<LinkedAward> Awards, Guid Version)
{
    /// <summary>The lead organisation's area, so partners near it can be offered first.</summary>
    public string? LeadAreaCode { get; init; }
}

/// <summary>One agreement as its reader may see it; <see cref="BaseUrl"/> differs for organisations and funders.</summary>
public sealed record AgreementPage(
    AgreementView Agreement, string BaseUrl, bool CanManage, IReadOnlyList<AgreementAction> Actions, Page<HistoryRow> History,
    IReadOnlyList<SelectListItem> Organisations, IReadOnlyList<SelectListItem> AvailableAwards, PartyForm NewParty, string? PartnerSearch = null)
{
    /// <summary>
    /// The data's version and UK date the page was read at, under which its HTML is kept; empty when the page shows what
    /// someone typed (a partner search, a form sent back), which is never kept.
    /// </summary>
    public string KeptVersion { get; init; } = "";
}

public enum AgreementOutcome
{
    NotFound,
    Saved,
    Invalid,
    Conflict,
}

public sealed record AgreementResult(AgreementOutcome Outcome, string? Field = null, string? Message = null, int? Id = null)
{
    public static readonly AgreementResult NotFound = new(AgreementOutcome.NotFound);

    public static AgreementResult Invalid(string field, string message) => new(AgreementOutcome.Invalid, field, message);
}
