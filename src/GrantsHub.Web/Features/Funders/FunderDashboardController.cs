using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Funders;

public sealed record FunderDashboardViewModel(string FunderName, IReadOnlyList<ProgrammeSummary> Programmes);

public sealed record ProgrammeSummary(int Id, string Name, decimal TotalBudget, IReadOnlyList<RoundSummary> Rounds);

public sealed record RoundSummary(int Id, string Title, RoundStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget, int Submitted, int Drafts);

[Route("funder")]
public sealed class FunderDashboardController(GrantsHubDbContext db, TimeProvider clock) : Controller
{
    // Compiled once: the dashboard is the funder's home page, so its two queries skip EF's per-call translation lookup.
    private static readonly Func<GrantsHubDbContext, int, Task<string>> FunderName =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int funderId) =>
            context.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).Single());

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<RoundCounts>> RoundsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int funderId) => context.Rounds.AsNoTracking()
            .Where(r => r.Programme!.FunderId == funderId)
            .Select(r => new RoundCounts(
                r.ProgrammeId, r.Programme!.Name, r.Programme.TotalBudget, r.Id, r.Title, r.Stage, r.OpensAt, r.ClosesAt, r.Budget,
                context.Applications.Count(a => a.RoundId == r.Id && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
                context.Applications.Count(a => a.RoundId == r.Id && a.Status == ApplicationStatus.Draft))));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var funderId = User.RequireFunderId();
        var now = clock.GetUtcNow();
        var funderName = await FunderName(db, funderId);
        var rounds = await RoundsOf(db, funderId).ToListAsync();
        var programmes = rounds
            .GroupBy(r => (r.ProgrammeId, r.Programme, r.ProgrammeBudget))
            .Select(g => new ProgrammeSummary(g.Key.ProgrammeId, g.Key.Programme, g.Key.ProgrammeBudget, g
                .OrderByDescending(r => r.OpensAt)
                .Select(r => new RoundSummary(r.Id, r.Title, Round.StatusAt(r.Stage, r.OpensAt, r.ClosesAt, now), r.OpensAt, r.ClosesAt, r.Budget, r.Submitted, r.Drafts))
                .ToList()))
            .OrderBy(p => p.Name)
            .ToList();
        return View(new FunderDashboardViewModel(funderName, programmes));
    }

    // Only what the table shows: reading whole rounds would bring their descriptions and settings to every view.
    private sealed record RoundCounts(int ProgrammeId, string Programme, decimal ProgrammeBudget, int Id, string Title, RoundStage Stage,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget, int Submitted, int Drafts);
}
