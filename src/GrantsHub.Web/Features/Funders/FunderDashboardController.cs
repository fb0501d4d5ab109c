using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Equality;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Funders;

public sealed record FunderDashboardViewModel(string FunderName, IReadOnlyList<ProgrammeSummary> Programmes)
{
    /// <summary>Whose programmes these are, and whether the viewer may change them (the links differ): their HTML is kept for it.</summary>
    public string KeptScope { get; init; } = "";

    /// <summary>The data's version and the minute: programmes kept for another are drawn afresh.</summary>
    public string KeptVersion { get; init; } = "";
}

/// <summary>A programme on the dashboard: its latest <see cref="FunderDashboardController.RoundsPerProgramme"/> rounds of <see cref="RoundCount"/>.</summary>
public sealed record ProgrammeSummary(int Id, string Name, decimal TotalBudget, IReadOnlyList<RoundSummary> Rounds, int RoundCount);

/// <summary>A table of rounds with their counts, on the dashboard and on a programme's page.</summary>
public sealed record RoundsTable(string Caption, IReadOnlyList<RoundSummary> Rounds);

public sealed record ProgrammePage(int Id, string Name, decimal TotalBudget, Page<RoundSummary> Rounds);

public sealed record RoundSummary(int Id, string Title, RoundStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget, int Submitted, int Drafts);

[Route("funder")]
public sealed class FunderDashboardController(GrantsHubDbContext db, TimeProvider clock, IMemoryCache cache) : Controller
{

    /// <summary>
    /// The latest rounds of each programme, with how many rounds it has: the dashboard's length stays the same however many
    /// rounds a funder has run, and its counts of applications (kept by the database, <see cref="RoundApplicationCount"/>)
    /// cost the same however many applications each round has. (At three times the benchmark's instance, showing
    /// every round made a view drawn afresh cost 1.3 to 1.6 times as much.)
    /// </summary>
    public const int RoundsPerProgramme = 5;

    // Compiled once: the dashboard is the funder's home page, so its queries skip EF's per-call translation lookup.
    // The counts are joined and summed per round rather than read by two subqueries per round: PostgreSQL scanned the
    // small counts table whole for each subquery, which took about half of the statement's time.
    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<ProgrammeRound>> RoundsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int funderId) =>
            from r in context.Rounds.AsNoTracking()
            where r.Programme!.FunderId == funderId
                && context.Rounds.Count(later => later.ProgrammeId == r.ProgrammeId && (later.OpensAt > r.OpensAt || (later.OpensAt == r.OpensAt && later.Id > r.Id))) < RoundsPerProgramme
            join c in context.RoundApplicationCounts on r.Id equals c.RoundId into counts
            from c in counts.DefaultIfEmpty()
            group c by new { r.ProgrammeId, r.Programme!.Name, r.Programme.TotalBudget, r.Id, r.Title, r.Stage, r.OpensAt, r.ClosesAt, r.Budget } into g
            select new ProgrammeRound(
                g.Key.ProgrammeId, g.Key.Name, g.Key.TotalBudget, context.Rounds.Count(all => all.ProgrammeId == g.Key.ProgrammeId),
                new RoundCounts(g.Key.Id, g.Key.Title, g.Key.Stage, g.Key.OpensAt, g.Key.ClosesAt, g.Key.Budget,
                    g.Sum(c => c != null && c.Status != ApplicationStatus.Draft && c.Status != ApplicationStatus.Withdrawn ? c.Count : 0),
                    g.Sum(c => c != null && c.Status == ApplicationStatus.Draft ? c.Count : 0))));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var funderId = User.RequireFunderId();
        var heading = await EqualityDashboardQuery.HeadingOf(db, funderId) ?? throw new InvalidOperationException($"No funder {funderId}.");
        var now = clock.GetUtcNow();
        var minute = KeptUntilChange.MinuteOf(now);

        // The programmes are the same for all the funder's staff: read once per change, and per minute, since a round's
        // status moves with the time (deadlines are set to the minute). Each view reads only the funder's name and the
        // data's version; the notifications below them are each person's own and read on every view.
        var programmes = await cache.GetOrWorkOutAsync((nameof(FunderDashboardController), funderId), (heading.LastChange, minute), async () =>
            (IReadOnlyList<ProgrammeSummary>)(await RoundsOf(db, funderId).ToListAsync())
                .GroupBy(r => (r.ProgrammeId, r.Programme, r.ProgrammeBudget))
                .Select(g => new ProgrammeSummary(g.Key.ProgrammeId, g.Key.Programme, g.Key.ProgrammeBudget, g
                    .Select(r => r.Round)
                    .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
                    .Select(r => Summary(r, now))
                    .ToList(), g.First().RoundsInProgramme))
                .OrderBy(p => p.Name)
                .ToList());
        return View(new FunderDashboardViewModel(heading.Name, programmes)
        {
            KeptScope = FormattableString.Invariant($"funder dashboard {funderId} {User.IsInRole(Roles.FunderAdmin)}"),
            KeptVersion = FormattableString.Invariant($"{heading.LastChange} {minute}"),
        });
    }

    /// <summary>A programme of the funder's with all its rounds, latest first, a page at a time.</summary>
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("programmes/{id:int}")]
    public async Task<IActionResult> Programme(int id, int page = 1)
    {
        var funderId = User.RequireFunderId();
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == id && p.FunderId == funderId)
            .Select(p => new { p.Id, p.Name, p.TotalBudget }).SingleOrDefaultAsync();
        if (programme is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.ProgrammeId == id)
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
            .Select(r => new RoundCounts(r.Id, r.Title, r.Stage, r.OpensAt, r.ClosesAt, r.Budget,
                db.RoundApplicationCounts.Where(c => c.RoundId == r.Id && c.Status != ApplicationStatus.Draft && c.Status != ApplicationStatus.Withdrawn).Sum(c => c.Count),
                db.RoundApplicationCounts.Where(c => c.RoundId == r.Id && c.Status == ApplicationStatus.Draft).Sum(c => c.Count)))
            .ToPageAsync(page);
        return View(new ProgrammePage(programme.Id, programme.Name, programme.TotalBudget,
            new Page<RoundSummary>(rounds.Items.Select(r => Summary(r, now)).ToList(), rounds.Number, rounds.Size, rounds.Total)));
    }

    private static RoundSummary Summary(RoundCounts r, DateTimeOffset now) =>
        new(r.Id, r.Title, Round.StatusAt(r.Stage, r.OpensAt, r.ClosesAt, now), r.OpensAt, r.ClosesAt, r.Budget, r.Submitted, r.Drafts);

    // Only what the table shows: reading whole rounds would bring their descriptions and settings to every view.
    private sealed record RoundCounts(int Id, string Title, RoundStage Stage, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget,
        int Submitted, int Drafts);

    /// <summary>A round on the dashboard, with its programme and how many rounds that programme has.</summary>
    private sealed record ProgrammeRound(int ProgrammeId, string Programme, decimal ProgrammeBudget, int RoundsInProgramme, RoundCounts Round);
}
