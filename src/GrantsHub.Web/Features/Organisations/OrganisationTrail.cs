using GrantsHub.Domain.Auditing;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Assessment;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

public sealed record OrganisationTrailRow(DateTimeOffset At, string Who, string Kind, string Summary, string? Reference, string? Before, string? After);

public sealed record OrganisationTrailPage(int OrganisationId, string OrganisationName, string? Kind, IReadOnlyList<(string Value, string Label)> Kinds, Page<OrganisationTrailRow> Rows);

/// <summary>
/// What an organisation may see of the audit trail: its own changes, and the funder's decisions
/// on its applications once they were sent. Assessors are never named: scoring entries are left
/// out and moderation is shown as the panel's.
/// </summary>
public static class OrganisationTrailKinds
{
    public const string Organisation = "organisation";
    public const string Application = "application";
    public const string Assessment = "assessment";
    public const string Decision = "decision";
    public const string Award = "award";

    public static readonly IReadOnlyList<(string Value, string Label)> Filters =
    [
        (Organisation, "Your organisation"),
        (Application, "Applications"),
        (Assessment, "Assessment"),
        (Decision, "Decisions"),
        (Award, "Awards and payments"),
    ];

    /// <summary>Award, milestone and payment entries belong to awards an organisation holds.</summary>
    public static readonly string[] AwardPrefixes = ["award.", "milestone.", "payment.", "agreement."];

    /// <summary>Changes the organisation made itself, so its members' names may be shown.</summary>
    public static bool ByTheOrganisation(string kind) => kind.StartsWith("organisation.", StringComparison.Ordinal) || kind.StartsWith("application.", StringComparison.Ordinal);
}

/// <summary>Reads the trail an organisation may see, as its members see it (also used by "download my data").</summary>
public sealed class OrganisationTrailQuery(GrantsHubDbContext db)
{
    public Task<Page<OrganisationTrailRow>> PageAsync(int organisationId, string? kind, int page, int size) =>
        ShownAsync(organisationId, Visible(organisationId, kind), q => q.ToPageAsync(page, size));

    public async Task<IReadOnlyList<OrganisationTrailRow>> AllAsync(int organisationId) =>
        (await ShownAsync(organisationId, Visible(organisationId), async q => { var all = await q.ToListAsync(); return new Page<RawRow>(all, 1, Math.Max(1, all.Count), all.Count); })).Items;

    private async Task<Page<OrganisationTrailRow>> ShownAsync(int organisationId, IQueryable<AuditEntry> entries, Func<IQueryable<RawRow>, Task<Page<RawRow>>> read)
    {
        var rows = await read(entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new RawRow(e.At, e.Kind, e.Summary, e.ActorUserId, e.ActorName, e.Before, e.After,
                db.OrganisationMembers.Any(m => m.OrganisationId == organisationId && m.UserId == e.ActorUserId),
                db.Funders.Where(f => f.Id == e.FunderId).Select(f => f.Name).FirstOrDefault(),
                db.Applications.Where(a => a.Id == e.ApplicationId).Select(a => a.Reference).FirstOrDefault())));
        return new Page<OrganisationTrailRow>(rows.Items.Select(Shown).ToList(), rows.Number, rows.Size, rows.Total);
    }

    private static OrganisationTrailRow Shown(RawRow e)
    {
        var own = OrganisationTrailKinds.ByTheOrganisation(e.Kind);
        var who = e.Kind == AssessmentAuditKinds.Moderated ? "The panel"
            : e.ActorUserId is null ? "GrantsHub"
            : e.Member ? e.ActorName
            : own ? "A former member"
            : e.Funder ?? "The funder";
        var values = own || e.Kind.StartsWith("decision.", StringComparison.Ordinal)
            || OrganisationTrailKinds.AwardPrefixes.Any(p => e.Kind.StartsWith(p, StringComparison.Ordinal));
        return new OrganisationTrailRow(e.At, who, e.Kind, e.Summary, e.Reference, values ? e.Before : null, values ? e.After : null);
    }

    private sealed record RawRow(DateTimeOffset At, string Kind, string Summary, string? ActorUserId, string ActorName, string? Before, string? After, bool Member, string? Funder, string? Reference);

    /// <summary>
    /// The entries an organisation may read. An allow-list, so a new kind of entry stays private until
    /// someone decides an organisation should see it.
    /// </summary>
    private IQueryable<AuditEntry> Visible(int organisationId, string? kind = null)
    {
        var applications = db.Applications.Where(a => a.OrganisationId == organisationId).Select(a => a.Id);
        var query = db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganisationId == organisationId || (e.ApplicationId != null && applications.Contains(e.ApplicationId.Value)));

        // Decisions and moderation show once the decision they led to was sent, never while the funder is still deciding.
        var sent = db.Decisions.Where(d => d.NotifiedAt != null);
        query = query.Where(e =>
            e.Kind.StartsWith("organisation.") || e.Kind.StartsWith("application.")
            || e.Kind.StartsWith("award.") || e.Kind.StartsWith("milestone.") || e.Kind.StartsWith("payment.") || e.Kind.StartsWith("agreement.")
            || ((e.Kind == AssessmentAuditKinds.Decided || e.Kind == AssessmentAuditKinds.DecisionChanged || e.Kind == AssessmentAuditKinds.Moderated)
                && sent.Any(d => d.ApplicationId == e.ApplicationId && e.At <= d.NotifiedAt)));

        return kind switch
        {
            OrganisationTrailKinds.Organisation => query.Where(e => e.Kind.StartsWith("organisation.")),
            OrganisationTrailKinds.Application => query.Where(e => e.Kind.StartsWith("application.")),
            OrganisationTrailKinds.Assessment => query.Where(e => e.Kind.StartsWith("assessment.")),
            OrganisationTrailKinds.Decision => query.Where(e => e.Kind.StartsWith("decision.")),
            OrganisationTrailKinds.Award => query.Where(e => e.Kind.StartsWith("award.") || e.Kind.StartsWith("milestone.") || e.Kind.StartsWith("payment.") || e.Kind.StartsWith("agreement.")),
            _ => query,
        };
    }
}

[Route("organisation/{organisationId:int}/history")]
public sealed class OrganisationTrailController(GrantsHubDbContext db, OrganisationTrailQuery trail) : Controller
{
    public const int PageSize = 30;

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int organisationId, string? kind, int page = 1)
    {
        var userId = User.GetUserId();
        var organisation = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => m.Organisation!.Name).SingleOrDefaultAsync();
        if (organisation is null)
        {
            return NotFound();
        }

        var rows = await trail.PageAsync(organisationId, kind, page, PageSize);
        return View("OrganisationTrail", new OrganisationTrailPage(organisationId, organisation, kind, OrganisationTrailKinds.Filters, rows));
    }
}
