using System.Globalization;
using GrantsHub.Domain.Auditing;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Admin;

public sealed class AuditFilter
{
    public int? Round { get; set; }
    public int? Organisation { get; set; }
    public string? Person { get; set; }
    public string? Kind { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(DateTimeOffset At, string ActorName, string Kind, string Summary, string? RoundTitle, string? OrganisationName, string? Before, string? After);

public sealed record AuditPage(AuditFilter Filter, Page<AuditRow> Rows,
    IReadOnlyList<(int Id, string Title)> Rounds, IReadOnlyList<string> Kinds);

/// <summary>A funder's own audit trail: who changed what, when, with before and after values. Read-only.</summary>
[Route("funder/audit")]
public sealed class AuditTrailController(GrantsHubDbContext db) : Controller
{
    public const int PageSize = 50;

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Index(AuditFilter filter)
    {
        var funderId = User.RequireFunderId();
        var query = Filtered(funderId, filter);
        var rows = await Project(query).ToPageAsync(filter.Page, PageSize);
        filter.Page = rows.Number;
        var rounds = (await db.Rounds.AsNoTracking().Where(r => r.Programme!.FunderId == funderId).OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title }).ToListAsync()).Select(r => (r.Id, r.Title)).ToList();
        var kinds = await db.AuditEntries.AsNoTracking().Where(e => e.FunderId == funderId).Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync();
        return View("AuditTrail", new AuditPage(filter, rows, rounds, kinds));
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(AuditFilter filter)
    {
        var rows = await Project(Filtered(User.RequireFunderId(), filter)).ToListAsync();
        var csv = CsvExport.Build(
            ["AtUkTime", "Person", "Kind", "Summary", "Round", "Organisation", "Before", "After"],
            rows.Select(r => new[]
            {
                UkTime.ToLocal(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorName, r.Kind, r.Summary,
                r.RoundTitle, r.OrganisationName, r.Before, r.After,
            }));
        return File(csv, "text/csv", "audit-trail.csv");
    }

    private IQueryable<AuditEntry> Filtered(int funderId, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking().Where(e => e.FunderId == funderId);
        if (filter.Round is { } round)
        {
            query = query.Where(e => e.RoundId == round);
        }

        if (filter.Organisation is { } organisation)
        {
            query = query.Where(e => e.OrganisationId == organisation);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim();
            query = query.Where(e => e.ActorName.Contains(person));
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(e => e.Kind == filter.Kind);
        }

        return query;
    }

    private IQueryable<AuditRow> Project(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.At, e.ActorName, e.Kind, e.Summary,
                db.Rounds.Where(r => r.Id == e.RoundId).Select(r => r.Title).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == e.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                e.Before, e.After));
}
