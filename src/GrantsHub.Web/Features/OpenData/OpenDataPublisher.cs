using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrantsHub.Domain.OpenData;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.OpenData;

/// <summary>
/// Makes, publishes and streams a funder's 360Giving snapshots. Grants are read, written and served a page
/// or a row at a time, so memory does not grow with the number of grants.
/// </summary>
public sealed class OpenDataPublisher(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const int PageSize = 500;
    public const string Licence = "https://creativecommons.org/licenses/by/4.0/";

    public Task<Publisher> PublisherAsync(int funderId, CancellationToken ct = default) =>
        db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => new Publisher(f.Name, f.OpenDataPrefix)).SingleAsync(ct);

    public Task<OpenDataSnapshot?> PublishedAsync(int funderId, CancellationToken ct = default) =>
        db.OpenDataSnapshots.AsNoTracking().Where(s => s.FunderId == funderId && s.PublishedAt != null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    public Task<OpenDataSnapshot?> LatestAsync(int funderId, CancellationToken ct = default) =>
        db.OpenDataSnapshots.AsNoTracking().Where(s => s.FunderId == funderId).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Regenerates the funder's snapshot. A regeneration that changes nothing is dropped, so dateModified moves only
    /// when the data does. Once a funder has published, each changed snapshot with grants is published as it is made.
    /// </summary>
    public async Task<OpenDataSnapshot> RegenerateAsync(int funderId, CancellationToken ct = default)
    {
        var publisher = await PublisherAsync(funderId, ct);
        var latest = await LatestAsync(funderId, ct);
        var publishes = await db.OpenDataSnapshots.AnyAsync(s => s.FunderId == funderId && s.PublishedAt != null, ct);
        var now = clock.GetUtcNow();
        var snapshot = new OpenDataSnapshot { FunderId = funderId, GeneratedAt = now, ContentHash = "" };
        db.OpenDataSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        using var overall = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(4096);
        var after = 0;
        var count = 0;
        DateTimeOffset? modified = null;
        while (await PageAsync(funderId, after, ct) is { Count: > 0 } page)
        {
            var ids = page.Select(g => GrantRecord.GrantId(publisher, g.ApplicationId)).ToList();
            var previous = latest is null
                ? []
                : await db.OpenDataGrants.AsNoTracking().Where(x => x.SnapshotId == latest.Id && ids.Contains(x.GrantId))
                    .Select(x => new { x.GrantId, x.ContentHash, x.DateModified }).ToDictionaryAsync(x => x.GrantId, ct);
            foreach (var grant in page)
            {
                var id = GrantRecord.GrantId(publisher, grant.ApplicationId);
                var hash = GrantRecord.ContentHash(buffer, publisher, grant);
                var dateModified = previous.TryGetValue(id, out var before)
                    ? before.ContentHash == hash ? before.DateModified : now
                    : grant.AwardedAt;
                overall.AppendData(Encoding.ASCII.GetBytes(hash));
                db.OpenDataGrants.Add(new OpenDataGrant
                {
                    SnapshotId = snapshot.Id, GrantId = id, ContentHash = hash, DateModified = dateModified,
                    Json = GrantRecord.Json(buffer, publisher, grant, dateModified), CsvRow = GrantRecord.CsvRow(publisher, grant, dateModified),
                });
                modified = modified is null || dateModified > modified ? dateModified : modified;
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = page[^1].ApplicationId;
        }

        var contentHash = Convert.ToHexStringLower(overall.GetHashAndReset());
        if (latest is not null && latest.ContentHash == contentHash)
        {
            await DeleteAsync(db.OpenDataSnapshots.Where(s => s.Id == snapshot.Id), ct);
            return latest;
        }

        var publish = publishes && count > 0;
        await db.OpenDataSnapshots.Where(s => s.Id == snapshot.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.ContentHash, contentHash)
            .SetProperty(s => s.GrantCount, count)
            .SetProperty(s => s.DataModifiedAt, modified ?? now)
            .SetProperty(s => s.PublishedAt, publish ? now : null), ct);
        if (publish)
        {
            audit.Record(OpenDataAuditKinds.Republished, string.Create(CultureInfo.InvariantCulture, $"Open data republished after a change: {count} grants"),
                new AuditScope(FunderId: funderId), after: new { snapshot.Id, count }, entityType: "OpenDataSnapshot", entityId: snapshot.Id.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }

        await DeleteAsync(db.OpenDataSnapshots.Where(s => s.FunderId == funderId && s.Id < snapshot.Id && (publish || s.PublishedAt == null)), ct);
        return await db.OpenDataSnapshots.AsNoTracking().SingleAsync(s => s.Id == snapshot.Id, ct);
    }

    /// <summary>Publishes a previewed snapshot; from then on changed snapshots are published as they are made. The caller saves.</summary>
    public async Task<string?> PublishAsync(int funderId, int snapshotId, string userId, CancellationToken ct = default)
    {
        var snapshot = await db.OpenDataSnapshots.SingleOrDefaultAsync(s => s.Id == snapshotId && s.FunderId == funderId, ct);
        if (snapshot is null || snapshot.PublishedAt is not null)
        {
            return "That preview is no longer the latest: look at the new one before publishing.";
        }

        if (snapshot.GrantCount == 0)
        {
            return "There are no awarded grants to publish yet.";
        }

        snapshot.PublishedAt = clock.GetUtcNow();
        snapshot.PublishedByUserId = userId;
        audit.Record(OpenDataAuditKinds.Published, string.Create(CultureInfo.InvariantCulture, $"Open data published: {snapshot.GrantCount} grants"),
            new AuditScope(FunderId: funderId), after: new { snapshot.Id, snapshot.GrantCount, snapshot.DataModifiedAt }, entityType: "OpenDataSnapshot",
            entityId: snapshot.Id.ToString(CultureInfo.InvariantCulture));
        await DeleteAsync(db.OpenDataSnapshots.Where(s => s.FunderId == funderId && s.Id < snapshotId), ct);
        return null;
    }

    /// <summary>Writes the snapshot as a 360Giving data package, one stored grant at a time.</summary>
    public async Task WritePackageAsync(OpenDataSnapshot snapshot, Publisher publisher, string downloadUrl, Stream output, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("version", "1.4");
        w.WriteStartArray("extensions");
        w.WriteStringValue(GrantRecord.DeiExtension);
        w.WriteEndArray();
        w.WriteString("title", $"{publisher.Name}: grants awarded through GrantsHub");
        w.WriteString("description", $"Grants awarded by {publisher.Name}, published in the 360Giving Data Standard. Equality details are included only where the organisation allowed it.");
        w.WriteString("identifier", string.Create(CultureInfo.InvariantCulture, $"{publisher.Prefix}-grants-{snapshot.Id}"));
        w.WriteString("issued", Stamp(snapshot.PublishedAt ?? snapshot.GeneratedAt));
        w.WriteString("modified", Stamp(snapshot.DataModifiedAt ?? snapshot.GeneratedAt));
        w.WriteStartObject("publisher");
        w.WriteString("identifier", publisher.Prefix);
        w.WriteString("name", publisher.Name);
        w.WriteEndObject();
        w.WriteString("license", Licence);
        w.WriteString("downloadURL", downloadUrl);
        w.WriteStartArray("grants");
        await foreach (var json in db.OpenDataGrants.AsNoTracking().Where(g => g.SnapshotId == snapshot.Id).OrderBy(g => g.Id).Select(g => g.Json).AsAsyncEnumerable().WithCancellation(ct))
        {
            w.WriteRawValue(json, skipInputValidation: true);
            if (w.BytesPending > 32 * 1024)
            {
                await w.FlushAsync(ct);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }

    /// <summary>Writes the snapshot in the 360Giving flat CSV layout, one stored row at a time.</summary>
    public async Task WriteCsvAsync(OpenDataSnapshot snapshot, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(GrantRecord.CsvLine(GrantRecord.CsvHeaders));
        await foreach (var row in db.OpenDataGrants.AsNoTracking().Where(g => g.SnapshotId == snapshot.Id).OrderBy(g => g.Id).Select(g => g.CsvRow).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(row);
        }

        await writer.FlushAsync(ct);
    }

    public static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<List<GrantSource>> PageAsync(int funderId, int after, CancellationToken ct)
    {
        var page = await (
            from w in AwardedGrants.In(db)
            join a in db.Applications on w.ApplicationId equals a.Id
            join area in db.Areas on a.Organisation!.LocalAuthorityCode equals area.Code into areas
            from area in areas.DefaultIfEmpty()
            where a.Round!.Programme!.FunderId == funderId && a.Id > after
            orderby a.Id
            select new GrantSource(
                a.Id, a.ProjectTitle, a.AmountRequested, w.Amount, w.AwardedAt, w.StartDate, w.EndDate, a.Round!.ProgrammeId, a.Round.Programme!.Name, a.Round.Title,
                a.Round!.Programme!.Currency, a.OrganisationId, a.Organisation!.Name, a.Organisation.LegalForm, a.Organisation.CharityNumber, a.Organisation.CompanyNumber,
                a.Organisation.LocalAuthorityCode, area == null ? null : area.Name, a.Organisation.PublishEqualityData))
            .AsNoTracking().Take(PageSize).ToListAsync(ct);
        var organisations = page.Where(g => g.PublishEqualityData).Select(g => g.OrganisationId).Distinct().ToList();
        var codes = (await db.OrganisationDeiCodes.AsNoTracking().Where(c => organisations.Contains(c.OrganisationId))
                .Select(c => new { c.OrganisationId, c.Kind, c.Code }).ToListAsync(ct))
            .ToLookup(c => (c.OrganisationId, c.Kind), c => c.Code);
        return page.Select(g => g with
        {
            Leadership = codes[(g.OrganisationId, DeiCodeKind.Leadership)].ToList(),
            CommunitiesServed = codes[(g.OrganisationId, DeiCodeKind.CommunityServed)].ToList(),
        }).ToList();
    }

    private async Task DeleteAsync(IQueryable<OpenDataSnapshot> snapshots, CancellationToken ct)
    {
        // Grants first: ExecuteDelete runs straight in SQL, so it does not rely on a cascade.
        var ids = snapshots.Select(s => s.Id);
        await db.OpenDataGrants.Where(g => ids.Contains(g.SnapshotId)).ExecuteDeleteAsync(ct);
        await snapshots.ExecuteDeleteAsync(ct);
    }
}

public static class OpenDataAuditKinds
{
    public const string Published = "open-data.published";
    public const string Republished = "open-data.republished";
}
