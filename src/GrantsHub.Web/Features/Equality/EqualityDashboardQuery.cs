using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Equality;

public sealed record RoundOption(int Id, int ProgrammeId, string Programme, string Title, DateTimeOffset OpensAt);

public sealed record EqualityDashboard(
    string FunderName, IReadOnlyList<RoundOption> Rounds, int? ProgrammeId, int? RoundId, string Scope,
    EqualityReport Report, IReadOnlyList<BenchmarkLine> Benchmark)
{
    public IEnumerable<(int Id, string Name)> Programmes => Rounds.Select(r => (r.ProgrammeId, r.Programme)).Distinct().OrderBy(p => p.Programme);

    /// <summary>Whose figures these are and for which programme and round: their drawn tables and charts are kept for it.</summary>
    public string FiguresScope { get; init; } = "";

    /// <summary>What else the figures depend on (the data's version, the UK date): kept tables and charts of another are drawn afresh.</summary>
    public string FiguresVersion { get; init; } = "";
}

/// <summary>One page of a dimension's groups (alphabetical, as on the dashboard), with the outcomes of those groups that have awards.</summary>
public sealed record EqualityGroups(EqualityDashboard Dashboard, Dimension Dimension, Page<GroupFigures> Groups, IReadOnlyList<OutcomeFigures> Outcomes);

/// <summary>
/// The funder's equality figures for a programme or round, with the trend and the benchmark, in a fixed number of queries.
/// Working them out reads every application in scope, so the figures are kept (on each app instance) until anything
/// changes: every change that moves them (a submission, score, decision, award, report, organisation profile, area or
/// round) writes an audit entry, and the latest entry's id is part of the key. Two queries serve a page whose data has
/// not changed since it was last worked out; up to eight, whatever the number of applications, when it has.
/// </summary>
public sealed class EqualityDashboardQuery(GrantsHubDbContext db, EqualityFactsQuery facts, BenchmarkFigures benchmark, IMemoryCache cache, TimeProvider clock)
{
    // Compiled once, and flat: the page's two reads skip EF Core's per-call work on the query, and its rows are read
    // straight into records. (As one query with each round's ring-fenced pots nested in it, EF Core built delegates for
    // the nested lists on every view; the pots are now read only when the figures are worked out.)
    // The funder's name and the data's version in one round trip; null for no such funder. The public transparency page
    // keeps its figures by the same version.
    internal static readonly Func<GrantsHubDbContext, int, Task<FunderHeading?>> HeadingOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int funderId) => context.Funders.AsNoTracking()
            .Where(f => f.Id == funderId)
            .Select(f => new FunderHeading(f.Name, context.DataChanges.Max(c => (long?)c.Id) ?? 0))
            .SingleOrDefault());

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<RoundOption>> RoundsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int funderId) => context.Rounds.AsNoTracking()
            .Where(r => r.Programme!.FunderId == funderId)
            .OrderBy(r => r.OpensAt).ThenBy(r => r.Id)
            .Select(r => new RoundOption(r.Id, r.ProgrammeId, r.Programme!.Name, r.Title, r.OpensAt)));

    internal sealed record FunderHeading(string Name, long LastChange);

    /// <summary>Null when the programme or round is not the funder's.</summary>
    public async Task<EqualityDashboard?> LoadAsync(int funderId, int? programmeId, int? roundId)
    {
        var funder = await HeadingOf(db, funderId) ?? throw new InvalidOperationException($"No funder {funderId}.");
        var rounds = await RoundsOf(db, funderId).ToListAsync();
        var round = rounds.FirstOrDefault(r => r.Id == roundId);
        if ((programmeId is not null && rounds.All(r => r.ProgrammeId != programmeId)) || (roundId is not null && (round is null || (programmeId is not null && round.ProgrammeId != programmeId))))
        {
            return null;
        }

        programmeId ??= round?.ProgrammeId;
        var inScope = rounds.Where(r => programmeId is null || r.ProgrammeId == programmeId).ToList();
        var today = Infrastructure.UkTime.Today(clock.GetUtcNow());
        var figures = await cache.GetOrWorkOutAsync((nameof(EqualityDashboardQuery), funderId, programmeId, roundId), (funder.LastChange, today), async () =>
        {
            var scopeIds = inScope.Select(r => r.Id).ToList();

            // All of this funder's applications (its own benchmark figures), with the details only for its rounds in scope.
            var funderApplications = await facts.LoadAsync(db.Rounds.Where(r => r.Programme!.FunderId == funderId).Select(r => r.Id), scopeIds);
            var all = funderApplications.Where(a => scopeIds.Contains(a.RoundId)).ToList();
            var selected = roundId is null ? all : all.Where(a => a.RoundId == roundId).ToList();
            var selectedIds = roundId is null ? scopeIds : [roundId.Value];
            var fences = await db.Rounds.AsNoTracking().Where(r => selectedIds.Contains(r.Id))
                .SelectMany(r => r.RingFences, (r, f) => new { Fence = f, r.Title, r.Budget, r.OpensAt })
                .ToListAsync();
            var ringFences = fences.OrderBy(f => f.OpensAt).ThenBy(f => f.Fence.Name)
                .Select(f => new RingFenceFacts(f.Fence.RoundId, f.Title, f.Fence.Name, f.Fence.AmountOf(f.Budget), f.Fence.Qualifier, f.Fence.DeiCode))
                .ToList();
            var report = EqualityReport.Build(selected, ringFences, inScope.Select(r => new RoundFacts(r.Id, r.Title, r.OpensAt)).ToList(), all, today);
            var others = (await benchmark.FiguresByFunderAsync(funder.LastChange)).Where(f => f.Key != funderId).Select(f => f.Value).ToList();
            return (Report: report, Lines: EqualityBenchmark.Compare(EqualityBenchmark.Figures(funderApplications), others));
        });

        var scope = round is not null ? round.Title : programmeId is not null ? inScope[0].Programme : "All programmes";
        return new EqualityDashboard(funder.Name, rounds, programmeId, roundId, scope, figures.Report, figures.Lines)
        {
            FiguresScope = FormattableString.Invariant($"equality {funderId} {programmeId} {roundId}"),
            FiguresVersion = FormattableString.Invariant($"{funder.LastChange} {today:yyyy-MM-dd}"),
        };
    }
}

/// <summary>
/// Every funder's benchmark figures, worked out from all applications once per change (the data's version is the key)
/// on each app instance, rather than on every view of every funder's dashboard.
/// </summary>
public sealed class BenchmarkFigures(EqualityFactsQuery facts, IMemoryCache cache)
{
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<decimal?>>> FiguresByFunderAsync(long lastChange) =>
        await cache.GetOrWorkOutAsync(nameof(BenchmarkFigures), lastChange, async () =>
        {
            var everyone = await facts.LoadAsync(null);
            return (IReadOnlyDictionary<int, IReadOnlyList<decimal?>>)everyone.GroupBy(a => a.FunderId).ToDictionary(g => g.Key, g => EqualityBenchmark.Figures(g.ToList()));
        });
}
