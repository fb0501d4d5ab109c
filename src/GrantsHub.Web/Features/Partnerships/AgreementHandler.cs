using System.Globalization;
using System.Linq.Expressions;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>Reads and changes partnership agreements for members of the lead organisation, refusing stale changes.</summary>
public sealed class AgreementHandler(GrantsHubDbContext db, IFileStore files, IAuditLog audit, TimeProvider clock, IMemoryCache cache)
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

    public const int PartnerChoices = 50;

    /// <summary>
    /// The page of an agreement as a member of <paramref name="organisationId"/> reads it: managed when that organisation
    /// leads it, read only when it is a party.
    /// </summary>
    public async Task<AgreementPage?> MemberPageAsync(string userId, int organisationId, int agreementId, string baseUrl, int historyPage,
        PartyForm? newParty = null, string? partnerSearch = null) =>
        await PageAsync(await VersionForMember(db, userId, organisationId, agreementId).FirstOrDefaultAsync(), agreementId, baseUrl, organisationId,
            historyPage, newParty, partnerSearch);

    /// <summary>The page of an agreement as the funder's staff read it (never managed).</summary>
    public async Task<AgreementPage?> FunderPageAsync(int funderId, int agreementId, string baseUrl, int historyPage) =>
        await PageAsync(await VersionForFunder(db, funderId, agreementId).FirstOrDefaultAsync(), agreementId, baseUrl, memberOf: null, historyPage,
            newParty: null, partnerSearch: null);

    /// <summary>
    /// The page, from what is kept on this instance until anything is saved (and, for its status, until the UK date
    /// changes): the agreement with its parties and awards, each page of its history, and the lead's list of partners to
    /// choose from. Everyone who may read the agreement reads the same; who may is checked on every view, in one statement
    /// that also reads the data's version (null: not theirs, or no such agreement).
    /// </summary>
    private async Task<AgreementPage?> PageAsync(long? lastChange, int agreementId, string baseUrl, int? memberOf, int historyPage,
        PartyForm? newParty, string? partnerSearch)
    {
        if (lastChange is not { } version)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = UkTime.Today(now);
        var kept = await cache.GetOrWorkOutAsync((nameof(AgreementHandler), agreementId), (version, today), () => ReadAsync(agreementId, now));
        if (kept.Agreement is not { } agreement)
        {
            return null;
        }

        var canManage = agreement.LeadOrganisationId == memberOf;
        var id = agreement.Id.ToString(CultureInfo.InvariantCulture);
        var history = await Paging.PageAsync(kept.HistoryTotal, historyPage, HistoryPageSize, async (skip, take) =>
            await cache.GetOrWorkOutAsync((nameof(AgreementHandler), agreementId, nameof(HistoryRows), skip), version, () => HistoryRows(db, id, skip, take).ToListAsync().AsTask()));
        var search = partnerSearch?.Trim();
        var organisations = !canManage || agreement.Status == AgreementStatus.Terminated ? []
            : string.IsNullOrEmpty(search) && newParty?.OrganisationId is null
                ? await cache.GetOrWorkOutAsync((nameof(PartnerChoices), agreement.LeadOrganisationId), version,
                    () => PartnerChoicesAsync(agreement.LeadOrganisationId, agreement.LeadAreaCode, null, null))
                : await PartnerChoicesAsync(agreement.LeadOrganisationId, agreement.LeadAreaCode, search, newParty?.OrganisationId);
        var available = organisations.Count > 0
            ? kept.Awards.Where(aw => !aw.Linked && aw.OrganisationId == agreement.LeadOrganisationId)
                .Select(aw => new SelectListItem(aw.Reference, aw.Id.ToString(CultureInfo.InvariantCulture))).ToList()
            : [];
        var actions = canManage ? AgreementLifecycle.ActionsFrom(agreement.Status) : [];
        return new AgreementPage(agreement, baseUrl, canManage, actions, history,
            organisations.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(), available,
            newParty ?? new PartyForm(), search)
        {
            KeptVersion = newParty is null && string.IsNullOrEmpty(search) ? FormattableString.Invariant($"{version} {today:yyyy-MM-dd}") : "",
        };
    }

    /// <summary>The agreement, its parties and awards, and how long its history is: read once per change and UK date.</summary>
    private async Task<KeptAgreement> ReadAsync(int agreementId, DateTimeOffset now)
    {
        var read = await LinesOf(db, 0, agreementId).ToListAsync();
        if (read.Count == 0)
        {
            return new KeptAgreement(null, [], 0);
        }

        var head = read[0];
        var awards = await AwardsOf(db, head.Id, head.LeadOrganisationId).ToListAsync();
        var agreement = new AgreementView(head.Id, head.Title, head.Purpose, head.LeadOrganisationId, head.Lead, head.StartsOn, head.EndsOn, head.ReviewOn,
            head.RenewalTerms, AgreementLifecycle.StatusAt(head.Stage, head.EndsOn, now), head.SignedDocumentName, head.SignedDocumentUploadedAt,
            read.Where(l => l.PartyId is not null).Select(p => new PartyView(p.PartyId!.Value, p.PartyOrganisation ?? p.ExternalName!,
                p.ExternalKind is { } kind ? PartnershipLabels.Of(kind) : "Organisation on GrantsHub", p.PartyOrganisation is not null,
                p.ContactName, p.ContactEmail, p.Role!, p.Responsibilities)).ToList(),
            awards.Where(aw => aw.Linked).OrderBy(aw => aw.Reference, StringComparer.Ordinal)
                .Select(aw => new LinkedAward(aw.Id, aw.Reference, Display.Humanise(aw.Status.ToString()))).ToList(),
            head.Version)
        {
            LeadAreaCode = head.LeadArea,
        };
        return new KeptAgreement(agreement, awards, await HistoryCount(db, head.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private sealed record KeptAgreement(AgreementView? Agreement, List<AwardChoice> Awards, int HistoryTotal);

    private static readonly Expression<Func<IQueryable<PartnershipAgreement>, GrantsHubDbContext, int, IQueryable<long?>>> Version = (agreements, db, id) =>
        agreements.Where(a => a.Id == id).Select(a => (long?)(db.DataChanges.Max(c => (long?)c.Id) ?? 0));

    // Who may read the agreement and the data's version, compiled once over each access rule (see CompiledOver).
    private static readonly Func<GrantsHubDbContext, string, int, int, IAsyncEnumerable<long?>> VersionForMember = CompiledOver.Many(AgreementAccess.OfMember, Version);
    private static readonly Func<GrantsHubDbContext, int, int, IAsyncEnumerable<long?>> VersionForFunder = CompiledOver.Many(AgreementAccess.OfFunder, Version);

    private const int HistoryPageSize = 10;

    /// <summary>
    /// An agreement with its parties, one line per party (or one line with no party), in the order they were added. One
    /// flat read compiled once over each access rule (see <see cref="CompiledOver"/>): the same read with the parties and
    /// the linked awards as nested lists, built by EF Core on each view, cost the page more of the app's work than its SQL.
    /// </summary>
    private static readonly Expression<Func<IQueryable<PartnershipAgreement>, GrantsHubDbContext, int, IQueryable<AgreementLine>>> Lines = (agreements, db, id) =>
        agreements.Where(a => a.Id == id)
            .SelectMany(a => db.AgreementParties.Where(p => p.AgreementId == a.Id).DefaultIfEmpty(), (a, p) => new AgreementLine
            {
                Id = a.Id, Title = a.Title, Purpose = a.Purpose, LeadOrganisationId = a.LeadOrganisationId, Lead = a.LeadOrganisation!.Name,
                LeadArea = a.LeadOrganisation.LocalAuthorityCode, StartsOn = a.StartsOn, EndsOn = a.EndsOn, ReviewOn = a.ReviewOn,
                RenewalTerms = a.RenewalTerms, Stage = a.Stage, SignedDocumentName = a.SignedDocumentName,
                SignedDocumentUploadedAt = a.SignedDocumentUploadedAt, Version = a.Version,
                PartyId = p == null ? null : p.Id,
                PartyOrganisation = p == null ? null : p.Organisation!.Name,
                ExternalKind = p == null ? null : p.ExternalKind, ExternalName = p == null ? null : p.ExternalName,
                ContactName = p == null ? null : p.ContactName, ContactEmail = p == null ? null : p.ContactEmail,
                Role = p == null ? null : p.Role, Responsibilities = p == null ? null : p.Responsibilities,
            })
            .OrderBy(l => l.PartyId);

    // Who may read it was checked before (the key is not used).
    private static readonly Func<GrantsHubDbContext, int, int, IAsyncEnumerable<AgreementLine>> LinesOf =
        CompiledOver.Many((GrantsHubDbContext context, int _) => context.PartnershipAgreements, Lines);

    /// <summary>
    /// The lead's awards (those linked to the agreement and those it could link) and any other award linked to it, by
    /// reference, in one read: two reads by index put together, as "the lead's or linked" in one test made SQLite read
    /// every award (2 ms).
    /// </summary>
    private static readonly Func<GrantsHubDbContext, int, int, IAsyncEnumerable<AwardChoice>> AwardsOf = EF.CompileAsyncQuery(
        IQueryable<AwardChoice> (GrantsHubDbContext db, int agreementId, int lead) => db.Awards.AsNoTracking()
            .Where(aw => aw.OrganisationId == lead)
            .Select(aw => new AwardChoice
            {
                Id = aw.Id, Reference = aw.Reference, Status = aw.Status, OrganisationId = aw.OrganisationId,
                Linked = db.AgreementAwards.Any(l => l.AgreementId == agreementId && l.AwardId == aw.Id),
            })
            .Concat(db.AgreementAwards.Where(l => l.AgreementId == agreementId)
                .Join(db.Awards.Where(aw => aw.OrganisationId != lead), l => l.AwardId, aw => aw.Id, (l, aw) => new AwardChoice
                {
                    Id = aw.Id, Reference = aw.Reference, Status = aw.Status, OrganisationId = aw.OrganisationId, Linked = true,
                }))
            .OrderBy(aw => aw.Reference));

    private static readonly Func<GrantsHubDbContext, string, Task<int>> HistoryCount = EF.CompileAsyncQuery(
        (GrantsHubDbContext db, string id) => db.AuditEntries.Count(e => e.EntityType == EntityType && e.EntityId == id));

    private static readonly Func<GrantsHubDbContext, string, int, int, IAsyncEnumerable<HistoryRow>> HistoryRows = EF.CompileAsyncQuery(
        (GrantsHubDbContext db, string id, int skip, int take) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == EntityType && e.EntityId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(skip).Take(take)
            .Select(e => new HistoryRow(e.At, e.ActorName, e.Summary)));

    private sealed class AgreementLine
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string Purpose { get; init; } = "";
        public int LeadOrganisationId { get; init; }
        public string Lead { get; init; } = "";
        public string? LeadArea { get; init; }
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public DateOnly? ReviewOn { get; init; }
        public string? RenewalTerms { get; init; }
        public AgreementStage Stage { get; init; }
        public string? SignedDocumentName { get; init; }
        public DateTimeOffset? SignedDocumentUploadedAt { get; init; }
        public Guid Version { get; init; }
        public int? PartyId { get; init; }
        public string? PartyOrganisation { get; init; }
        public ExternalBodyKind? ExternalKind { get; init; }
        public string? ExternalName { get; init; }
        public string? ContactName { get; init; }
        public string? ContactEmail { get; init; }
        public string? Role { get; init; }
        public string? Responsibilities { get; init; }
    }

    private sealed class AwardChoice
    {
        public int Id { get; init; }
        public string Reference { get; init; } = "";
        public AwardStatus Status { get; init; }
        public int OrganisationId { get; init; }
        public bool Linked { get; init; }
    }

    /// <summary>
    /// Organisations the lead may add as partners: at most <see cref="PartnerChoices"/>, those in the lead's own area
    /// first, or those whose name holds <paramref name="search"/>; one already chosen in the form always stays.
    /// </summary>
    private async Task<List<(int Id, string Name)>> PartnerChoicesAsync(int leadOrganisationId, string? leadArea, string? search, int? chosen)
    {
        List<(int Id, string Name)> choices;
        if (!string.IsNullOrEmpty(search))
        {
            var lowered = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF turns this into SQL lower(…) LIKE; .NET culture rules never run here
            choices = (await Candidates().Where(o => o.Name.ToLower().Contains(lowered))
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
            var kept = await Candidates().Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync();
            if (kept is not null)
            {
                if (choices.Count == PartnerChoices)
                {
                    choices.RemoveAt(choices.Count - 1);
                }

                choices.Add((kept.Id, kept.Name));
            }
        }

        return [.. choices.OrderBy(c => c.Name, StringComparer.Ordinal)];

        // Built only when needed: building a query costs EF Core's work even when it is never sent.
        IQueryable<Domain.Organisations.Organisation> Candidates() => db.Organisations.AsNoTracking().Where(o => o.Id != leadOrganisationId);
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
        var a = await db.ManagedBy(userId, organisationId).AsNoTracking().Where(a => a.Id == agreementId)
            .Select(a => new { a.Title, a.Purpose, a.StartsOn, a.EndsOn, a.ReviewOn, a.RenewalTerms, a.Stage, a.Version }).SingleOrDefaultAsync();
        return a is null || AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, clock.GetUtcNow()) == AgreementStatus.Terminated
            ? null
            : new AgreementForm
            {
                Title = a.Title, Purpose = a.Purpose, StartsOn = a.StartsOn, EndsOn = a.EndsOn, ReviewOn = a.ReviewOn, RenewalTerms = a.RenewalTerms, Version = a.Version,
            };
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
