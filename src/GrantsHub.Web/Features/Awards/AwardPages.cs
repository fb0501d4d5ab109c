using System.Linq.Expressions;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Awards;

/// <summary>Milestones approved of planned and money paid of awarded: shown as two bars with their text.</summary>
public sealed record AwardProgress(int MilestonesApproved, int MilestonesPlanned, decimal Paid, decimal Awarded)
{
    public int MilestonePercent => MilestonesPlanned == 0 ? 0 : MilestonesApproved * 100 / MilestonesPlanned;

    public int PaidPercent => Awarded == 0 ? 0 : (int)(Paid * 100 / Awarded);

    /// <summary>
    /// Two bars with their figures in words (<c>&lt;progress&gt;</c> needs no inline style, so the CSP holds). A plain
    /// function rather than a partial view: lists draw it on every row, and a partial is looked up, activated and buffered
    /// each time.
    /// </summary>
    public IHtmlContent Bars() => new HtmlString(string.Create(UkTime.Culture,
        $"""<div class="award-progress"><label class="small d-block">Milestones approved: {MilestonesApproved} of {MilestonesPlanned} <progress class="w-100" max="{Math.Max(1, MilestonesPlanned)}" value="{MilestonesApproved}">{MilestonePercent}%</progress></label><label class="small d-block">Paid: {Display.MoneySpan(Paid)} of {Display.MoneySpan(Awarded)} <progress class="w-100" max="100" value="{PaidPercent}">{PaidPercent}%</progress></label></div>"""));
}

public sealed record AwardRow(int Id, string Reference, string ProjectTitle, string Organisation, string Round, AwardStatus Status,
    decimal Amount, DateOnly StartDate, DateOnly EndDate, AwardProgress Progress);

public sealed record TrancheView(int Id, int Number, decimal Amount, DateOnly PlannedDate, string? Milestone, TrancheStatus Status,
    DateOnly? PaidOn, string? PaymentReference, Guid Version);

public sealed record EvidenceView(int Id, string Narrative, int? ActualValue, DateTimeOffset SubmittedAt, ReviewOutcome? Outcome, string? ReviewComment,
    IReadOnlyList<FileLink> Files);

public sealed record FileLink(int Id, string FileName, long Length);

public sealed record MilestoneView(int Id, int Number, string Title, string Description, DateOnly DueDate, string TargetMeasure, int TargetValue,
    int? ActualValue, MilestoneStatus Status, MilestoneStage Stage, Guid Version, IReadOnlyList<EvidenceView> Evidence);

public sealed record OutcomeView(string Code, string Community, int Count);

public sealed record ReportView(int Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, bool IsFinal, ReportStatus Status,
    ReportStage Stage, int? PeopleReached, string Narrative, string? ReviewComment, Guid Version, IReadOnlyList<OutcomeView> Outcomes, IReadOnlyList<FileLink> Files);

public sealed record VariationView(int Id, VariationKind Kind, string Summary, string Reason, VariationStatus Status, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, string? DecisionComment);

public sealed record AwardDetail(int Id, string Reference, int ApplicationId, string ProjectTitle, int OrganisationId, string Organisation, string Round,
    string Funder, AwardStatus Status, decimal Amount, DateOnly StartDate, DateOnly EndDate, string Conditions, int ReportIntervalMonths,
    DateOnly? RespondBy, DateTimeOffset? OfferedAt, DateTimeOffset? AcceptedAt, string? AcceptedByName, string? AcceptedByPosition, string? DeclineReason,
    Guid Version, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<TrancheView> Tranches, IReadOnlyList<ReportView> Reports,
    IReadOnlyList<VariationView> Variations, DateOnly Today)
{
    public AwardProgress Progress => new(Milestones.Count(m => m.Stage == MilestoneStage.Approved), Milestones.Count,
        Tranches.Where(t => t.Status == TrancheStatus.Paid).Sum(t => t.Amount), Amount);

    public decimal Scheduled => Tranches.Sum(t => t.Amount);

    /// <summary>The data's version and the UK date the award was read at: what its kept HTML is kept under.</summary>
    public string KeptVersion { get; init; } = "";
}

public sealed record ProgrammeProgress(string Programme, int Awards, AwardProgress Progress);

public sealed record FunderAwardsPage(Page<AwardRow> Awards, IReadOnlyList<ProgrammeProgress> Programmes, int? RoundId, string? RoundTitle, int PaymentsDue);

public sealed record PaymentDueRow(int AwardId, string Reference, string Organisation, int TrancheId, int Number, decimal Amount, DateOnly PlannedDate,
    string? Milestone, Guid Version);

/// <summary>Read models for the award pages: projections only, no tracking, a fixed number of queries per page.</summary>
public sealed class AwardPages(GrantsHubDbContext db, TimeProvider clock, IMemoryCache cache)
{
    public const int PageSize = 20;

    // The award page's per-award queries, compiled once: it is the page an organisation and its funder open most, and
    // each query otherwise goes through EF's translation lookup on every view.
    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<MilestoneRow>> MilestonesOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int awardId) => context.Milestones.AsNoTracking()
            .Where(m => m.AwardId == awardId).OrderBy(m => m.DueDate).ThenBy(m => m.Number)
            .Select(m => new MilestoneRow(m.Id, m.Number, m.Title, m.Description, m.DueDate, m.TargetMeasure, m.TargetValue, m.ActualValue, m.Stage, m.Version)));

    private static readonly Func<GrantsHubDbContext, List<int>, IAsyncEnumerable<EvidenceRow>> EvidenceOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, List<int> milestoneIds) => context.MilestoneEvidence.AsNoTracking()
            .Where(e => milestoneIds.Contains(e.MilestoneId))
            .OrderByDescending(e => e.SubmittedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceRow(e.MilestoneId, new EvidenceView(e.Id, e.Narrative, e.ActualValue, e.SubmittedAt, e.Outcome, e.ReviewComment,
                e.Files.Select(f => new FileLink(f.Id, f.FileName, f.Length)).ToList()))));

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<TrancheRow>> TranchesOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int awardId) => context.AwardTranches.AsNoTracking()
            .Where(t => t.AwardId == awardId).OrderBy(t => t.Number)
            .Select(t => new TrancheRow(t.Id, t.Number, t.Amount, t.PlannedDate, t.MilestoneId, t.Status, t.Version,
                context.Milestones.Where(m => m.Id == t.MilestoneId).Select(m => m.Title).FirstOrDefault(),
                (DateOnly?)t.Payment!.PaidOn, t.Payment.Reference)));

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<ReportRow>> ReportsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int awardId) => context.MonitoringReports.AsNoTracking()
            .Where(r => r.AwardId == awardId).OrderBy(r => r.Number)
            .Select(r => new ReportRow(r.Id, r.Title, r.PeriodStart, r.PeriodEnd, r.DueDate, r.IsFinal, r.Stage, r.PeopleReached, r.Narrative, r.ReviewComment, r.Version,
                r.Outcomes.OrderByDescending(o => o.Count).Select(o => new OutcomeCount(o.DeiCode, o.Count)).ToList(),
                r.Files.Select(f => new FileLink(f.Id, f.FileName, f.Length)).ToList())));

    private DateOnly Today => UkTime.Today(clock.GetUtcNow());

    /// <summary>
    /// The awards an organisation's members see (<see cref="AwardAccess.OfOrganisation"/>), offers first, then the latest
    /// start; for a page that has already checked that the person is a member.
    /// </summary>
    public async Task<List<AwardRow>> OfOrganisationAsync(int organisationId) =>
        await RowsOfOrganisation(db, organisationId).ToListAsync();

    public async Task<FunderAwardsPage> OfFunderAsync(int funderId, int? roundId, int page)
    {
        var awards = db.AwardsOfFunder(funderId).Where(a => roundId == null || a.RoundId == roundId);
        var rows = await Rows(awards).ToPageAsync(page, PageSize);
        var today = Today;
        var summary = await cache.GetOrWorkOutAsync((nameof(FunderAwardsSummary), funderId), (await db.DataVersionAsync(), today),
            () => SummaryAsync(funderId));
        var roundTitle = roundId is null ? null : await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Title).SingleOrDefaultAsync();
        return new FunderAwardsPage(rows, summary.Programmes, roundId, roundTitle, summary.PaymentsDue);
    }

    /// <summary>
    /// The progress of each programme and the number of payments due, over all the funder's awards. Summing every
    /// milestone and payment of a regional funder's awards took about 4 ms of SQL a view (700 awards), so the summary is
    /// kept until anything changes (the data's version is in the key) or the UK date moves, as the equality figures are.
    /// </summary>
    private async Task<FunderAwardsSummary> SummaryAsync(int funderId)
    {
        var programmes = await db.AwardsOfFunder(funderId)
            .Where(a => a.Status == AwardStatus.Active || a.Status == AwardStatus.Completed)
            .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { Award = a, r.Programme!.Name })
            .GroupBy(x => x.Name)
            .Select(g => new
            {
                Programme = g.Key, Awards = g.Count(), Amount = g.Sum(x => x.Award.Amount),
                Planned = g.Sum(x => x.Award.Milestones.Count), Approved = g.Sum(x => x.Award.Milestones.Count(m => m.Stage == MilestoneStage.Approved)),
            })
            .OrderBy(p => p.Programme)
            .ToListAsync();
        var paid = await db.Payments.Where(p => db.AwardsOfFunder(funderId).Any(a => a.Id == p.AwardId))
            .Join(db.Awards, p => p.AwardId, a => a.Id, (p, a) => new { p.Amount, a.RoundId })
            .Join(db.Rounds, x => x.RoundId, r => r.Id, (x, r) => new { x.Amount, r.Programme!.Name })
            .GroupBy(x => x.Name).Select(g => new { g.Key, Paid = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Paid);
        return new FunderAwardsSummary(
            programmes.Select(p => new ProgrammeProgress(p.Programme, p.Awards, new AwardProgress(p.Approved, p.Planned, paid.GetValueOrDefault(p.Programme), p.Amount))).ToList(),
            await DueTranches(funderId).CountAsync());
    }

    private sealed record FunderAwardsSummary(IReadOnlyList<ProgrammeProgress> Programmes, int PaymentsDue);

    public async Task<Page<PaymentDueRow>> PaymentsDueAsync(int funderId, int page) =>
        await DueTranches(funderId)
            .OrderBy(t => t.PlannedDate).ThenBy(t => t.Id)
            .Select(t => new PaymentDueRow(t.AwardId, t.Award!.Reference, db.Organisations.Where(o => o.Id == t.Award.OrganisationId).Select(o => o.Name).First(),
                t.Id, t.Number, t.Amount, t.PlannedDate, db.Milestones.Where(m => m.Id == t.MilestoneId).Select(m => m.Title).FirstOrDefault(), t.Version))
            .ToPageAsync(page, PageSize);

    /// <summary>Unpaid tranches of live awards that are due: released by their milestone, or with no milestone and their date reached.</summary>
    private IQueryable<AwardTranche> DueTranches(int funderId)
    {
        var today = Today;
        return db.AwardTranches.Where(t => t.Award!.FunderId == funderId && t.Award.Status == AwardStatus.Active
            && (t.Status == TrancheStatus.Due || (t.Status == TrancheStatus.Scheduled && t.MilestoneId == null && t.PlannedDate <= today)));
    }

    /// <summary>The award as a member of its organisation sees it (once offered), or null.</summary>
    public async Task<AwardDetail?> DetailForMemberAsync(string userId, int id) => await KeptDetailAsync(await VersionForMember(db, userId, id), id);

    /// <summary>The award as its funder's staff see it, or null.</summary>
    public async Task<AwardDetail?> DetailForFunderAsync(int funderId, int id) => await KeptDetailAsync(await VersionForFunder(db, funderId, id), id);

    /// <summary>
    /// The award, read once per change and UK date on this instance and kept for everyone who may see it: the page an
    /// organisation and its funder open most otherwise read it in five statements on every view. Who may see it is
    /// checked on every view, in one statement that also reads the data's version (null: not theirs, or no such award).
    /// </summary>
    private async Task<AwardDetail?> KeptDetailAsync(long? lastChange, int id)
    {
        if (lastChange is not { } version)
        {
            return null;
        }

        var today = Today;
        var kept = await cache.GetOrWorkOutAsync((nameof(AwardDetail), id), (version, today), async () =>
            new KeptDetail(await DetailAsync(await HeadOf(db, 0, id), id, today) is { } detail
                ? detail with { KeptVersion = FormattableString.Invariant($"{version} {today:yyyy-MM-dd}") }
                : null));
        return kept.Detail;
    }

    private sealed record KeptDetail(AwardDetail? Detail);

    private static readonly Expression<Func<IQueryable<Award>, GrantsHubDbContext, int, long?>> Version = (visible, context, id) => visible
        .Where(a => a.Id == id).Select(a => (long?)(context.DataChanges.Max(c => (long?)c.Id) ?? 0)).SingleOrDefault();

    // Who may see the award and the data's version, compiled once over each access rule (see CompiledOver).
    private static readonly Func<GrantsHubDbContext, string, int, Task<long?>> VersionForMember = CompiledOver.OneOrNone(AwardAccess.OfMember, Version);
    private static readonly Func<GrantsHubDbContext, int, int, Task<long?>> VersionForFunder = CompiledOver.OneOrNone(AwardAccess.OfFunder, Version);

    private static readonly Expression<Func<IQueryable<Award>, GrantsHubDbContext, int, AwardHead?>> Head = (visible, context, id) => visible.AsNoTracking()
        .Where(a => a.Id == id)
        .Select(a => new AwardHead(a.Id, a.Reference, a.ApplicationId, a.OrganisationId, a.Status, a.Amount, a.StartDate, a.EndDate, a.Conditions,
            a.ReportIntervalMonths, a.RespondBy, a.OfferedAt, a.AcceptedAt, a.AcceptedByName, a.AcceptedByPosition, a.DeclineReason, a.Version,
            context.Applications.Where(p => p.Id == a.ApplicationId).Select(p => p.ProjectTitle).First(),
            context.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).First(),
            context.Rounds.Where(r => r.Id == a.RoundId).Select(r => r.Title).First(),
            context.Funders.Where(f => f.Id == a.FunderId).Select(f => f.Name).First(),
            context.AwardVariations.Where(v => v.AwardId == a.Id).OrderByDescending(v => v.RequestedAt)
                .Select(v => new VariationView(v.Id, v.Kind, v.Summary, v.Reason, v.Status, v.RequestedAt, v.DecidedAt, v.DecisionComment)).ToList()))
        .SingleOrDefault();

    // The award's first query, compiled once; who may see it was checked before (the key is not used).
    private static readonly Func<GrantsHubDbContext, int, int, Task<AwardHead?>> HeadOf = CompiledOver.OneOrNone((GrantsHubDbContext context, int _) => context.Awards, Head);

    private sealed record AwardHead(int Id, string Reference, int ApplicationId, int OrganisationId, AwardStatus Status, decimal Amount, DateOnly StartDate,
        DateOnly EndDate, string Conditions, int ReportIntervalMonths, DateOnly? RespondBy, DateTimeOffset? OfferedAt, DateTimeOffset? AcceptedAt,
        string? AcceptedByName, string? AcceptedByPosition, string? DeclineReason, Guid Version, string Project, string Organisation, string RoundTitle,
        string Funder, List<VariationView> Variations);

    private async Task<AwardDetail?> DetailAsync(AwardHead? award, int id, DateOnly today)
    {
        if (award is null)
        {
            return null;
        }

        var milestones = await MilestonesOf(db, id).ToListAsync();

        // Evidence from its own table rather than nested in the milestones: nested, SQLite built every piece of evidence
        // with its files before joining (41 ms on the large instance); this way it reads only this award's.
        var evidence = (await EvidenceOf(db, milestones.Select(m => m.Id).ToList()).ToListAsync()).ToLookup(e => e.MilestoneId, e => e.View);
        var tranches = await TranchesOf(db, id).ToListAsync();
        var reports = await ReportsOf(db, id).ToListAsync();
        var live = award.Status == AwardStatus.Active;
        return new AwardDetail(award.Id, award.Reference, award.ApplicationId, award.Project, award.OrganisationId, award.Organisation, award.RoundTitle, award.Funder,
            award.Status, award.Amount, award.StartDate, award.EndDate, award.Conditions, award.ReportIntervalMonths, award.RespondBy, award.OfferedAt, award.AcceptedAt,
            award.AcceptedByName, award.AcceptedByPosition, award.DeclineReason, award.Version,
            milestones.Select(m => new MilestoneView(m.Id, m.Number, m.Title, m.Description, m.DueDate, m.TargetMeasure, m.TargetValue, m.ActualValue,
                live ? MilestoneRules.StatusOf(m.Stage, m.DueDate, today) : (MilestoneStatus)m.Stage, m.Stage, m.Version, evidence[m.Id].ToList())).ToList(),
            tranches.Select(t => new TrancheView(t.Id, t.Number, t.Amount, t.PlannedDate, t.Milestone,
                new AwardTranche { Status = t.Status, MilestoneId = t.MilestoneId, PlannedDate = t.PlannedDate }.StatusOn(today, live),
                t.PaidOn, t.Reference, t.Version)).ToList(),
            reports.Select(r => new ReportView(r.Id, r.Title, r.PeriodStart, r.PeriodEnd, r.DueDate, r.IsFinal,
                live ? ReportRules.StatusOf(r.Stage, r.DueDate, today) : (ReportStatus)r.Stage, r.Stage, r.PeopleReached, r.Narrative, r.ReviewComment, r.Version,
                r.Outcomes.Select(o => new OutcomeView(o.DeiCode, DeiTaxonomy.TitleOf(o.DeiCode), o.Count)).ToList(), r.Files)).ToList(),
            award.Variations, today);
    }

    /// <summary>The communities the organisation says it serves: the rows of the report form.</summary>
    public async Task<IReadOnlyList<OutcomeView>> CommunitiesOfAsync(int organisationId) =>
        (await db.OrganisationDeiCodes.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.Kind == DeiCodeKind.CommunityServed)
            .Select(c => c.Code).ToListAsync())
        .Select(c => new OutcomeView(c, DeiTaxonomy.TitleOf(c), 0)).ToList();

    private static readonly Expression<Func<IQueryable<Award>, GrantsHubDbContext, IQueryable<AwardRow>>> RowsOf = (awards, context) =>
        awards.AsNoTracking()
            .OrderByDescending(a => a.Status == AwardStatus.Offered).ThenByDescending(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new AwardRow(a.Id, a.Reference,
                context.Applications.Where(p => p.Id == a.ApplicationId).Select(p => p.ProjectTitle).First(),
                context.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).First(),
                context.Rounds.Where(r => r.Id == a.RoundId).Select(r => r.Title).First(),
                a.Status, a.Amount, a.StartDate, a.EndDate,
                new AwardProgress(a.Milestones.Count(m => m.Stage == MilestoneStage.Approved), a.Milestones.Count,
                    context.Payments.Where(p => p.AwardId == a.Id).Sum(p => p.Amount), a.Amount)));

    private static readonly Func<IQueryable<Award>, GrantsHubDbContext, IQueryable<AwardRow>> RowsQuery = RowsOf.Compile();

    // The organisation dashboard's awards, compiled once over the organisation's rule (see CompiledOver).
    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<AwardRow>> RowsOfOrganisation = CompiledOver.Many(AwardAccess.OfOrganisation, RowsOf);

    private IQueryable<AwardRow> Rows(IQueryable<Award> awards) => RowsQuery(awards, db);

    private sealed record MilestoneRow(int Id, int Number, string Title, string Description, DateOnly DueDate, string TargetMeasure, int TargetValue,
        int? ActualValue, MilestoneStage Stage, Guid Version);

    private sealed record EvidenceRow(int MilestoneId, EvidenceView View);

    private sealed record TrancheRow(int Id, int Number, decimal Amount, DateOnly PlannedDate, int? MilestoneId, TrancheStatus Status, Guid Version,
        string? Milestone, DateOnly? PaidOn, string? Reference);

    private sealed record ReportRow(int Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, bool IsFinal, ReportStage Stage,
        int? PeopleReached, string Narrative, string? ReviewComment, Guid Version, List<OutcomeCount> Outcomes, List<FileLink> Files);

    private sealed record OutcomeCount(string DeiCode, int Count);
}
