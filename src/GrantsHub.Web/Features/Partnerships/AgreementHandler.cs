using System.Globalization;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>Reads and changes partnership agreements for members of the lead organisation, refusing stale changes.</summary>
public sealed class AgreementHandler(GrantsHubDbContext db, IFileStore files, IAuditLog audit, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this agreement while you were working on it. Nothing has been saved; here is the latest version.";
    public const string EntityType = "PartnershipAgreement";

    public async Task<AgreementListPage?> ListAsync(string userId, int organisationId, int page)
    {
        var name = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId)).Select(o => o.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var rows = await db.ReadableBy(userId, organisationId).AsNoTracking()
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, Lead = a.LeadOrganisation!.Name, a.LeadOrganisationId, a.Stage, a.EndsOn, Parties = a.Parties.Count })
            .ToPageAsync(page);
        var items = rows.Items.Select(a => new AgreementRow(a.Id, a.Title, a.Lead, a.LeadOrganisationId == organisationId,
            AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, now), a.EndsOn, a.Parties)).ToList();
        return new AgreementListPage(organisationId, name, new Page<AgreementRow>(items, rows.Number, rows.Size, rows.Total));
    }

    /// <summary>
    /// The page of an agreement read through <paramref name="readable"/>; management only when the reader reads it as a
    /// member of <paramref name="memberOf"/> and that organisation leads it (a funder reads it with no organisation).
    /// </summary>
    public const int PartnerChoices = 50;

    public async Task<AgreementPage?> PageAsync(IQueryable<PartnershipAgreement> readable, int agreementId, string baseUrl, int? memberOf, int historyPage,
        PartyForm? newParty = null, string? partnerSearch = null)
    {
        var agreement = await ViewAsync(readable, agreementId);
        if (agreement is null)
        {
            return null;
        }

        var canManage = agreement.LeadOrganisationId == memberOf;

        var id = agreementId.ToString(CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == EntityType && e.EntityId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new HistoryRow(e.At, e.ActorName, e.Summary))
            .ToPageAsync(historyPage, 10);
        var search = partnerSearch?.Trim();
        var organisations = canManage && agreement.Status != AgreementStatus.Terminated
            ? await PartnerChoicesAsync(agreement.LeadOrganisationId, agreement.LeadAreaCode, search, newParty?.OrganisationId)
            : [];
        var linked = agreement.Awards.Select(l => l.Id).ToList();
        var awards = organisations.Count > 0
            ? await db.Awards.AsNoTracking()
                .Where(aw => aw.OrganisationId == agreement.LeadOrganisationId && !linked.Contains(aw.Id))
                .OrderBy(aw => aw.Reference)
                .Select(aw => new SelectListItem(aw.Reference, aw.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync()
            : [];
        var actions = canManage ? AgreementLifecycle.ActionsFrom(agreement.Status) : [];
        return new AgreementPage(agreement, baseUrl, canManage, actions, history, organisations, awards, newParty ?? new PartyForm(), search);
    }

    /// <summary>
    /// Organisations the lead may add as partners: at most <see cref="PartnerChoices"/>, those in the lead's own area
    /// first, or those whose name holds <paramref name="search"/>; one already chosen in the form always stays.
    /// </summary>
    private async Task<List<SelectListItem>> PartnerChoicesAsync(int leadOrganisationId, string? leadArea, string? search, int? chosen)
    {
        var candidates = db.Organisations.AsNoTracking().Where(o => o.Id != leadOrganisationId);
        List<(int Id, string Name)> choices;
        if (!string.IsNullOrEmpty(search))
        {
            var lowered = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF turns this into SQL lower(…) LIKE; .NET culture rules never run here
            choices = (await candidates.Where(o => o.Name.ToLower().Contains(lowered))
#pragma warning restore CA1304, CA1311, CA1862
                .OrderBy(o => o.Name).Take(PartnerChoices).Select(o => new { o.Id, o.Name }).ToListAsync())
                .Select(o => (o.Id, o.Name)).ToList();
        }
        else
        {
            choices = await NearThenRest(db, leadOrganisationId, leadArea).Select(o => (o.Id, o.Name)).ToListAsync();
        }

        if (chosen is { } id && id != leadOrganisationId && choices.All(c => c.Id != id))
        {
            // The one already chosen in the form always stays, in place of the last.
            var kept = await candidates.Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync();
            if (kept is not null)
            {
                if (choices.Count == PartnerChoices)
                {
                    choices.RemoveAt(choices.Count - 1);
                }

                choices.Add((kept.Id, kept.Name));
            }
        }

        return choices.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// The lead's own area first, then the rest by name: two short reads by index, put together and cut to
    /// <see cref="PartnerChoices"/> in the database, not a sort of every organisation. Compiled once: EF Core otherwise
    /// walked and looked up this union on every view of the page.
    /// </summary>
    private static readonly Func<GrantsHubDbContext, int, string?, IAsyncEnumerable<PartnerChoice>> NearThenRest = EF.CompileAsyncQuery(
        (GrantsHubDbContext db, int lead, string? area) => db.Organisations.AsNoTracking()
            .Where(o => o.Id != lead && area != null && o.LocalAuthorityCode == area)
            .OrderBy(o => o.Name).Take(PartnerChoices).Select(o => new PartnerChoice { Id = o.Id, Name = o.Name, Near = true })
            .Concat(db.Organisations.AsNoTracking()
                .Where(o => o.Id != lead && (area == null || o.LocalAuthorityCode == null || o.LocalAuthorityCode != area))
                .OrderBy(o => o.Name).Take(PartnerChoices).Select(o => new PartnerChoice { Id = o.Id, Name = o.Name, Near = false }))
            .OrderByDescending(o => o.Near).ThenBy(o => o.Name).Take(PartnerChoices));

    private sealed class PartnerChoice
    {
        public int Id { get; init; }

        public string Name { get; init; } = "";

        public bool Near { get; init; }
    }

    public async Task<AgreementForm?> FormAsync(string userId, int organisationId, int agreementId)
    {
        var agreement = await ViewAsync(db.ManagedBy(userId, organisationId), agreementId);
        return agreement is null || agreement.Status == AgreementStatus.Terminated ? null : ToForm(agreement);
    }

    public async Task<bool> LeadsAsync(string userId, int organisationId) =>
        await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId);

    public async Task<AgreementResult> CreateAsync(string userId, int organisationId, AgreementForm form)
    {
        var lead = await db.Organisations.Where(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId)).Select(o => o.Name).SingleOrDefaultAsync();
        if (lead is null)
        {
            return AgreementResult.NotFound;
        }

        var agreement = new PartnershipAgreement
        {
            Title = "",
            Purpose = "",
            LeadOrganisationId = organisationId,
            Stage = AgreementStage.Draft,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = userId,
        };
        Apply(form, agreement);
        db.PartnershipAgreements.Add(agreement);
        await using var transaction = await db.Database.BeginTransactionAsync(); // the audit entry needs the new id
        await db.SaveChangesAsync();
        Record("partnership.created", $"Agreement created as a draft by {lead}", agreement, after: Snapshot(agreement));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new AgreementResult(AgreementOutcome.Saved, Id: agreement.Id);
    }

    public async Task<AgreementResult> EditAsync(string userId, int organisationId, int agreementId, AgreementForm form)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId), agreementId, form.Version);
        if (agreement is null)
        {
            return refusal!;
        }

        var before = Snapshot(agreement);
        Apply(form, agreement);
        Record("partnership.changed", "Details changed", agreement, before, Snapshot(agreement));
        return await SaveAsync(agreement, form.Version);
    }

    public async Task<AgreementResult> AddPartyAsync(string userId, int organisationId, int agreementId, Guid version, PartyForm form)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId).Include(a => a.Parties), agreementId, version);
        if (agreement is null)
        {
            return refusal!;
        }

        string name;
        if (form.ExternalKind is null)
        {
            var organisation = await db.Organisations.Where(o => o.Id == form.OrganisationId && o.Id != organisationId).Select(o => o.Name).SingleOrDefaultAsync();
            if (organisation is null)
            {
                return AgreementResult.Invalid(nameof(PartyForm.OrganisationId), "Choose the organisation from the list");
            }

            if (agreement.Parties.Any(p => p.OrganisationId == form.OrganisationId))
            {
                return AgreementResult.Invalid(nameof(PartyForm.OrganisationId), $"{organisation} is already a party to this agreement");
            }

            name = organisation;
        }
        else
        {
            name = form.ExternalName!.Trim();
        }

        agreement.Parties.Add(new AgreementParty
        {
            OrganisationId = form.ExternalKind is null ? form.OrganisationId : null,
            ExternalKind = form.ExternalKind,
            ExternalName = form.ExternalKind is null ? null : name,
            ContactName = Blank(form.ContactName),
            ContactEmail = Blank(form.ContactEmail),
            Role = form.Role.Trim(),
            Responsibilities = Blank(form.Responsibilities),
        });
        Record("partnership.party-added", $"{name} added as a party ({form.Role.Trim()})", agreement,
            after: new { Party = name, Kind = form.ExternalKind is { } kind ? PartnershipLabels.Of(kind) : "Organisation on GrantsHub", form.Role, form.Responsibilities, form.ContactName, form.ContactEmail });
        return await SaveAsync(agreement, version);
    }

    public async Task<AgreementResult> RemovePartyAsync(string userId, int organisationId, int agreementId, Guid version, int partyId)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId).Include(a => a.Parties).ThenInclude(p => p.Organisation), agreementId, version);
        var party = agreement?.Parties.SingleOrDefault(p => p.Id == partyId);
        if (agreement is null || party is null)
        {
            return refusal ?? AgreementResult.NotFound;
        }

        var name = party.Organisation?.Name ?? party.ExternalName!;
        agreement.Parties.Remove(party);
        Record("partnership.party-removed", $"{name} removed as a party", agreement, before: new { Party = name, party.Role });
        return await SaveAsync(agreement, version);
    }

    public async Task<AgreementResult> LinkAwardAsync(string userId, int organisationId, int agreementId, Guid version, int? awardId)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId).Include(a => a.Awards), agreementId, version);
        if (agreement is null)
        {
            return refusal!;
        }

        var reference = await db.Awards.Where(aw => aw.Id == awardId && aw.OrganisationId == organisationId).Select(aw => aw.Reference).SingleOrDefaultAsync();
        if (reference is null || agreement.Awards.Any(l => l.AwardId == awardId))
        {
            return AgreementResult.Invalid("AwardId", "Choose one of your organisation's awards from the list");
        }

        agreement.Awards.Add(new AgreementAward { AwardId = awardId!.Value });
        Record("partnership.award-linked", $"Linked to award {reference}", agreement, after: new { Award = reference });
        return await SaveAsync(agreement, version);
    }

    public async Task<AgreementResult> UnlinkAwardAsync(string userId, int organisationId, int agreementId, Guid version, int awardId)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId).Include(a => a.Awards), agreementId, version);
        var link = agreement?.Awards.SingleOrDefault(l => l.AwardId == awardId);
        if (agreement is null || link is null)
        {
            return refusal ?? AgreementResult.NotFound;
        }

        var reference = await db.Awards.Where(aw => aw.Id == awardId).Select(aw => aw.Reference).SingleAsync();
        agreement.Awards.Remove(link);
        Record("partnership.award-unlinked", $"No longer linked to award {reference}", agreement, before: new { Award = reference });
        return await SaveAsync(agreement, version);
    }

    public async Task<AgreementResult> MoveAsync(string userId, int organisationId, int agreementId, AgreementActionForm form)
    {
        var agreement = await db.ManagedBy(userId, organisationId).Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == agreementId);
        if (agreement is null)
        {
            return AgreementResult.NotFound;
        }

        if (agreement.Version != form.Version)
        {
            return new AgreementResult(AgreementOutcome.Conflict);
        }

        var action = form.Action!.Value;
        var now = clock.GetUtcNow();
        var before = agreement.StatusAt(now);
        if (action == AgreementAction.Sign && agreement.Parties.Count == 0)
        {
            return AgreementResult.Invalid("", "Add at least one partner before marking the agreement as signed");
        }

        if (action == AgreementAction.Sign && agreement.SignedDocumentKey is null)
        {
            return AgreementResult.Invalid("", "Upload the signed copy before marking the agreement as signed");
        }

        if (!agreement.TryMove(action, now))
        {
            return AgreementResult.Invalid("", $"A {Display.Humanise(before.ToString()).ToLowerInvariant()} agreement cannot be {PartnershipLabels.Past(action)}");
        }

        Record($"partnership.{action.ToString().ToLowerInvariant()}", $"Agreement {PartnershipLabels.Past(action)}", agreement,
            new { Status = before.ToString() }, new { Status = agreement.StatusAt(now).ToString() });
        return await SaveAsync(agreement, form.Version);
    }

    public async Task<AgreementResult> UploadAsync(string userId, int organisationId, int agreementId, SignedCopyForm form)
    {
        var (agreement, refusal) = await ForChangeAsync(db.ManagedBy(userId, organisationId), agreementId, form.Version);
        if (agreement is null)
        {
            return refusal!;
        }

        if (form.File is not { } file)
        {
            return AgreementResult.Invalid(nameof(form.File), "Choose the signed copy to upload");
        }

        var content = await UploadedContent.ReadForChecksAsync(file);
        if (UploadRules.Problem(file.FileName, content) is { } problem)
        {
            return AgreementResult.Invalid(nameof(form.File), problem);
        }

        var accepted = UploadRules.Accept(file.FileName);
        var key = FileStoreOptions.NewKey();
        await files.SaveAsync(key, content);
        var previous = agreement.SignedDocumentKey;
        (agreement.SignedDocumentName, agreement.SignedDocumentContentType, agreement.SignedDocumentKey, agreement.SignedDocumentUploadedAt) =
            (accepted.FileName, accepted.ContentType, key, clock.GetUtcNow());
        Record("partnership.signed-copy-uploaded", $"Signed copy uploaded: {accepted.FileName}", agreement, after: new { File = accepted.FileName, Bytes = content.Length });
        var result = await SaveAsync(agreement, form.Version);
        var orphan = result.Outcome == AgreementOutcome.Saved ? previous : key;
        if (orphan is not null)
        {
            await files.DeleteAsync(orphan);
        }

        return result;
    }

    /// <summary>The signed copy of an agreement read through <paramref name="readable"/>, or null.</summary>
    public async Task<DownloadableFile?> DocumentAsync(IQueryable<PartnershipAgreement> readable, int agreementId)
    {
        var document = await readable.AsNoTracking().Where(a => a.Id == agreementId && a.SignedDocumentKey != null)
            .Select(a => new { a.SignedDocumentName, a.SignedDocumentContentType, a.SignedDocumentKey }).SingleOrDefaultAsync();
        if (document is null)
        {
            return null;
        }

        var content = await files.ReadAsync(document.SignedDocumentKey!);
        return content is null ? null : new DownloadableFile(document.SignedDocumentName!, document.SignedDocumentContentType!, content);
    }

    private async Task<AgreementView?> ViewAsync(IQueryable<PartnershipAgreement> readable, int agreementId)
    {
        var a = await readable.AsNoTracking().Where(a => a.Id == agreementId).Select(a => new
        {
            a.Id, a.Title, a.Purpose, a.LeadOrganisationId, Lead = a.LeadOrganisation!.Name, LeadArea = a.LeadOrganisation.LocalAuthorityCode, a.StartsOn, a.EndsOn, a.ReviewOn, a.RenewalTerms, a.Stage,
            a.SignedDocumentName, a.SignedDocumentUploadedAt, a.Version,
            // Names through scalar subqueries, not joins inside the collections: SQLite then reads only this agreement's
            // rows instead of first building every party's (or link's) row in the database.
            Parties = a.Parties.OrderBy(p => p.Id).Select(p => new
            {
                p.Id, Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                p.ExternalKind, p.ExternalName, p.ContactName, p.ContactEmail, p.Role, p.Responsibilities,
            }).ToList(),
            Awards = a.Awards.Select(l => new
            {
                Id = l.AwardId,
                Reference = db.Awards.Where(aw => aw.Id == l.AwardId).Select(aw => aw.Reference).FirstOrDefault(),
                Status = db.Awards.Where(aw => aw.Id == l.AwardId).Select(aw => (AwardStatus?)aw.Status).FirstOrDefault(),
            }).ToList(),
        }).SingleOrDefaultAsync();
        return a is null ? null : new AgreementView(a.Id, a.Title, a.Purpose, a.LeadOrganisationId, a.Lead, a.StartsOn, a.EndsOn, a.ReviewOn, a.RenewalTerms,
            AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, clock.GetUtcNow()), a.SignedDocumentName, a.SignedDocumentUploadedAt,
            a.Parties.Select(p => new PartyView(p.Id, p.Organisation ?? p.ExternalName!, p.ExternalKind is { } kind ? PartnershipLabels.Of(kind) : "Organisation on GrantsHub",
                p.Organisation is not null, p.ContactName, p.ContactEmail, p.Role, p.Responsibilities)).ToList(),
            a.Awards.OrderBy(aw => aw.Reference, StringComparer.Ordinal).Select(aw => new LinkedAward(aw.Id, aw.Reference ?? "", Display.Humanise(aw.Status.ToString()!))).ToList(), a.Version)
        {
            LeadAreaCode = a.LeadArea,
        };
    }

    /// <summary>An agreement that may still be changed (not terminated) and has not changed since the form was shown.</summary>
    private async Task<(PartnershipAgreement? Agreement, AgreementResult? Refusal)> ForChangeAsync(IQueryable<PartnershipAgreement> managed, int agreementId, Guid version)
    {
        var agreement = await managed.SingleOrDefaultAsync(a => a.Id == agreementId);
        if (agreement is null || agreement.StatusAt(clock.GetUtcNow()) == AgreementStatus.Terminated)
        {
            return (null, AgreementResult.NotFound);
        }

        return agreement.Version == version ? (agreement, null) : (null, new AgreementResult(AgreementOutcome.Conflict));
    }

    private async Task<AgreementResult> SaveAsync(PartnershipAgreement agreement, Guid version)
    {
        db.Entry(agreement).State = EntityState.Modified; // a change to the parties alone is still a new version
        db.Entry(agreement).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
            return new AgreementResult(AgreementOutcome.Saved, Id: agreement.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AgreementResult(AgreementOutcome.Conflict);
        }
    }

    private void Record(string kind, string summary, PartnershipAgreement agreement, object? before = null, object? after = null) =>
        audit.Record(kind, $"{agreement.Title}: {summary}", new AuditScope(OrganisationId: agreement.LeadOrganisationId), before, after,
            EntityType, agreement.Id.ToString(CultureInfo.InvariantCulture));

    private static void Apply(AgreementForm form, PartnershipAgreement agreement)
    {
        agreement.Title = form.Title.Trim();
        agreement.Purpose = form.Purpose.Trim();
        agreement.StartsOn = form.StartsOn!.Value;
        agreement.EndsOn = form.EndsOn!.Value;
        agreement.ReviewOn = form.ReviewOn;
        agreement.RenewalTerms = Blank(form.RenewalTerms);
    }

    private static AgreementForm ToForm(AgreementView a) => new()
    {
        Title = a.Title, Purpose = a.Purpose, StartsOn = a.StartsOn, EndsOn = a.EndsOn, ReviewOn = a.ReviewOn, RenewalTerms = a.RenewalTerms, Version = a.Version,
    };

    private static Dictionary<string, string> Snapshot(PartnershipAgreement a) => new()
    {
        ["Title"] = a.Title,
        ["Purpose"] = a.Purpose,
        ["Starts on"] = PartnershipLabels.Date(a.StartsOn),
        ["Ends on"] = PartnershipLabels.Date(a.EndsOn),
        ["Review on"] = a.ReviewOn is { } review ? PartnershipLabels.Date(review) : "",
        ["Renewal terms"] = a.RenewalTerms ?? "",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
