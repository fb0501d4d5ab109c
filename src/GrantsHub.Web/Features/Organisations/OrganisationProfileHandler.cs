using System.Globalization;
using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

public enum ProfileSaveResult
{
    NotFound,
    Saved,
    Invalid,
    Conflict,
}

public sealed record ProfileSaveOutcome(ProfileSaveResult Result, OrganisationProfileForm? Latest = null, IReadOnlyList<UnsavedChange>? Unsaved = null, string? Field = null, string? Message = null);

/// <summary>Reads and saves an organisation's profile, only for its members, refusing stale saves.</summary>
public sealed class OrganisationProfileHandler(GrantsHubDbContext db, IAuditLog audit)
{
    public const string ConflictMessage = "Someone else changed this profile while you were editing. Your changes have not been saved; here is the latest version.";

    private IQueryable<Organisation> Mine(string userId) => db.Organisations.Where(o => o.Members.Any(m => m.UserId == userId));

    public async Task<OrganisationProfilePage?> PageAsync(string userId, int organisationId)
    {
        var form = await FormAsync(userId, organisationId);
        if (form is null)
        {
            return null;
        }

        var area = await db.Areas.AsNoTracking().Where(a => a.Code == form.LocalAuthorityCode).Select(a => a.Name).SingleOrDefaultAsync();
        var owner = await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId && m.Role == MemberRole.Owner);
        return new OrganisationProfilePage(form, area, owner);
    }

    public async Task<OrganisationProfileForm?> FormAsync(string userId, int organisationId)
    {
        var organisation = await Mine(userId).AsNoTracking().Include(o => o.DeiCodes).SingleOrDefaultAsync(o => o.Id == organisationId);
        return organisation is null ? null : ToForm(organisation);
    }

    public async Task<ProfileSaveOutcome> SaveAsync(string userId, int organisationId, OrganisationProfileForm form)
    {
        var organisation = await Mine(userId).Include(o => o.DeiCodes).SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return new ProfileSaveOutcome(ProfileSaveResult.NotFound);
        }

        if (organisation.Version != form.Version)
        {
            return Conflict(ToForm(organisation), form);
        }

        if (!string.IsNullOrEmpty(form.LocalAuthorityCode) && !await db.Areas.AnyAsync(a => a.Code == form.LocalAuthorityCode))
        {
            return new ProfileSaveOutcome(ProfileSaveResult.Invalid, Field: nameof(form.LocalAuthorityCode), Message: "Select a local authority area from the list");
        }

        if (form.CommunitiesServed.Concat(form.Leadership).FirstOrDefault(c => !DeiTaxonomy.IsKnown(c)) is { } unknown)
        {
            return new ProfileSaveOutcome(ProfileSaveResult.Invalid, Field: nameof(form.CommunitiesServed), Message: $"{unknown} is not a code in the list");
        }

        var before = Snapshot(ToForm(organisation));
        Apply(form, organisation);
        db.Entry(organisation).State = EntityState.Modified; // a change to the codes alone is still a new version
        db.Entry(organisation).Property(o => o.Version).OriginalValue = form.Version;
        audit.Record(AuditKinds.OrganisationProfileChanged, $"Profile of {organisation.Name} changed", new AuditScope(OrganisationId: organisation.Id),
            before, Snapshot(ToForm(organisation)), "Organisation", organisation.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var latest = await FormAsync(userId, organisationId);
            return latest is null ? new ProfileSaveOutcome(ProfileSaveResult.NotFound) : Conflict(latest, form);
        }

        return new ProfileSaveOutcome(ProfileSaveResult.Saved);
    }

    private static ProfileSaveOutcome Conflict(OrganisationProfileForm latest, OrganisationProfileForm yours) =>
        new(ProfileSaveResult.Conflict, latest, Differences(latest, yours));

    private static void Apply(OrganisationProfileForm form, Organisation organisation)
    {
        organisation.Name = form.Name.Trim();
        organisation.LegalForm = form.LegalForm!.Value;
        organisation.CharityNumber = OrganisationRules.Number(form.CharityNumber);
        organisation.CompanyNumber = OrganisationRules.Number(form.CompanyNumber);
        organisation.Postcode = string.IsNullOrWhiteSpace(form.Postcode) ? null : Postcodes.Normalise(form.Postcode);
        organisation.LocalAuthorityCode = string.IsNullOrEmpty(form.LocalAuthorityCode) ? null : form.LocalAuthorityCode;
        organisation.IncomeBand = form.IncomeBand;
        organisation.IsUserLed = form.IsUserLed;
        organisation.IsCommunityLed = form.IsCommunityLed;
        organisation.LedByLivedExperience = form.LedByLivedExperience;
        organisation.LedByRacialisedCommunities = form.LedByRacialisedCommunities;
        organisation.PublishEqualityData = form.PublishEqualityData;
        organisation.ContactName = Blank(form.ContactName);
        organisation.ContactEmail = Blank(form.ContactEmail);
        organisation.ContactPhone = Blank(form.ContactPhone);
        var wanted = form.CommunitiesServed.Distinct().Select(c => (DeiCodeKind.CommunityServed, c))
            .Concat(form.Leadership.Distinct().Select(c => (DeiCodeKind.Leadership, c))).ToHashSet();
        organisation.DeiCodes.RemoveAll(c => !wanted.Contains((c.Kind, c.Code)));
        foreach (var (kind, code) in wanted.Where(w => !organisation.DeiCodes.Any(c => c.Kind == w.Item1 && c.Code == w.Item2)))
        {
            organisation.DeiCodes.Add(new OrganisationDeiCode { Code = code, Kind = kind });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static OrganisationProfileForm ToForm(Organisation o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        LegalForm = o.LegalForm,
        CharityNumber = o.CharityNumber,
        CompanyNumber = o.CompanyNumber,
        Postcode = o.Postcode,
        LocalAuthorityCode = o.LocalAuthorityCode,
        IncomeBand = o.IncomeBand,
        IsUserLed = o.IsUserLed,
        IsCommunityLed = o.IsCommunityLed,
        LedByLivedExperience = o.LedByLivedExperience,
        LedByRacialisedCommunities = o.LedByRacialisedCommunities,
        CommunitiesServed = o.DeiCodes.Where(c => c.Kind == DeiCodeKind.CommunityServed).Select(c => c.Code).Order(StringComparer.Ordinal).ToList(),
        Leadership = o.DeiCodes.Where(c => c.Kind == DeiCodeKind.Leadership).Select(c => c.Code).Order(StringComparer.Ordinal).ToList(),
        PublishEqualityData = o.PublishEqualityData,
        ContactName = o.ContactName,
        ContactEmail = o.ContactEmail,
        ContactPhone = o.ContactPhone,
        Version = o.Version,
    };

    /// <summary>The profile as readable field values, for the audit trail and for comparing versions.</summary>
    private static Dictionary<string, string> Snapshot(OrganisationProfileForm f) => new()
    {
        ["Organisation name"] = f.Name.Trim(),
        ["Legal form"] = f.LegalForm is { } form ? OrganisationRules.LegalFormLabel(form) : "",
        ["Charity number"] = OrganisationRules.Number(f.CharityNumber) ?? "",
        ["Company number"] = OrganisationRules.Number(f.CompanyNumber) ?? "",
        ["Postcode"] = string.IsNullOrWhiteSpace(f.Postcode) ? "" : Postcodes.Normalise(f.Postcode),
        ["Local authority"] = f.LocalAuthorityCode ?? "",
        ["Annual income"] = f.IncomeBand is { } band ? Domain.Rounds.IncomeBands.Describe(band) : "",
        ["User-led"] = YesNo(f.IsUserLed),
        ["Community-led"] = YesNo(f.IsCommunityLed),
        ["Led by people with lived experience"] = YesNo(f.LedByLivedExperience),
        ["Led by racialised communities"] = YesNo(f.LedByRacialisedCommunities),
        ["Communities served"] = string.Join(", ", f.CommunitiesServed.Distinct().Order(StringComparer.Ordinal).Select(DeiTaxonomy.TitleOf)),
        ["Leadership"] = string.Join(", ", f.Leadership.Distinct().Order(StringComparer.Ordinal).Select(DeiTaxonomy.TitleOf)),
        ["Equality information may be published"] = YesNo(f.PublishEqualityData),
        ["Contact name"] = Blank(f.ContactName) ?? "",
        ["Contact email"] = Blank(f.ContactEmail) ?? "",
        ["Contact telephone"] = Blank(f.ContactPhone) ?? "",
    };

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static List<UnsavedChange> Differences(OrganisationProfileForm latest, OrganisationProfileForm yours)
    {
        var saved = Snapshot(latest);
        return Snapshot(yours).Where(kv => saved[kv.Key] != kv.Value).Select(kv => new UnsavedChange(kv.Key, kv.Value == "" ? "(blank)" : kv.Value)).ToList();
    }
}
