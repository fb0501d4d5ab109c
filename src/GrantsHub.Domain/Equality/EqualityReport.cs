using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.Domain.Equality;

/// <summary>One submitted application as the equality figures see it: who applied, from where, and what happened.</summary>
public sealed record ApplicationFacts
{
    public int ApplicationId { get; init; }
    public int FunderId { get; init; }
    public int RoundId { get; init; }
    public int OrganisationId { get; init; }
    public LegalForm LegalForm { get; init; }
    public bool UserLed { get; init; }
    public bool CommunityLed { get; init; }
    public bool LedByLivedExperience { get; init; }
    public bool LedByRacialisedCommunities { get; init; }

    /// <summary>DEI taxonomy codes of the communities the organisation serves.</summary>
    public IReadOnlyList<string> CommunitiesServed { get; init; } = [];

    /// <summary>DEI taxonomy codes of the communities represented in its leadership.</summary>
    public IReadOnlyList<string> Leadership { get; init; } = [];

    public string? AreaName { get; init; }
    public int? DeprivationDecile { get; init; }
    public bool Decided { get; init; }
    public bool Awarded { get; init; }
    public decimal AmountAwarded { get; init; }

    /// <summary>The application's weighted score (0–100), when it was scored.</summary>
    public decimal? Score { get; init; }

    /// <summary>The award's milestones: when each was due and the UK date it was approved, if it was.</summary>
    public IReadOnlyList<MilestoneFacts> Milestones { get; init; } = [];

    /// <summary>People reached by community (DEI code), from the award's accepted monitoring reports.</summary>
    public IReadOnlyList<PeopleReached> Reached { get; init; } = [];

    public bool FromMostDeprivedAreas => DeprivationDecile is >= 1 and <= EqualityReport.MostDeprivedDecile;
}

public sealed record MilestoneFacts(DateOnly DueDate, DateOnly? ApprovedOn)
{
    /// <summary>Counted once it falls due, or earlier if already approved.</summary>
    public bool IsDueBy(DateOnly today) => DueDate <= today || ApprovedOn.HasValue;

    public bool ApprovedOnTime => ApprovedOn is { } approved && approved <= DueDate;
}

public sealed record PeopleReached(string DeiCode, int Count);

/// <summary>What funded work achieved for one group of awarded organisations; suppressed below five awards.</summary>
public sealed record OutcomeFigures(string Group, bool Suppressed, int Awards, int MilestonesDue, int MilestonesOnTime, decimal? OnTimeRate, int PeopleReached);

public sealed record OutcomeDimension(string Key, string Title, IReadOnlyList<OutcomeFigures> Groups);

/// <summary>People reached in one community across the awards that reported on it; suppressed when fewer than five awards reported.</summary>
public sealed record CommunityReached(string Community, bool Suppressed, int Awards, int People);

public sealed record RoundFacts(int RoundId, string Title, DateTimeOffset OpensAt);

public sealed record RingFenceFacts(int RoundId, string RoundTitle, string Name, decimal Target, RingFenceQualifier Qualifier, string? DeiCode);

/// <summary>
/// Figures for one group. A group of fewer than <see cref="SmallGroups.Minimum"/> applications is suppressed:
/// it carries no numbers at all, so none can leak into a page, a chart or a download.
/// </summary>
public sealed record GroupFigures(
    string Group, bool Suppressed, int Applications, decimal ShareOfApplications, int Decided, int Awarded,
    decimal AmountAwarded, decimal? SuccessRate, decimal? MeanScore, decimal? Gap)
{
    /// <summary>A gap of this many percentage points or more from the overall success rate is highlighted.</summary>
    public const decimal NotableGapPoints = 10m;

    public bool GapIsNotable => Gap is { } gap && Math.Abs(gap) >= NotableGapPoints;

    public static GroupFigures SuppressedGroup(string group) => new(group, true, 0, 0m, 0, 0, 0m, null, null, null);
}

public sealed record Dimension(string Key, string Title, IReadOnlyList<GroupFigures> Groups);

public sealed record RingFenceFigures(string RoundTitle, string Name, decimal Target, decimal Awarded, int Awards)
{
    public decimal? PercentOfTarget => Target <= 0 ? null : Percentages.Of(Awarded, Target);
}

public sealed record TrendPoint(string RoundTitle, GroupFigures Overall, GroupFigures MostDeprived);

public sealed record EqualityReport(
    GroupFigures Overall, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<RingFenceFigures> RingFences, IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<OutcomeDimension> Outcomes, IReadOnlyList<CommunityReached> Reached)
{
    /// <summary>Deciles 1 to 3: the most deprived 30 % of areas.</summary>
    public const int MostDeprivedDecile = 3;

    public const string MostDeprivedLabel = "Most deprived areas (deciles 1–3)";

    /// <summary>
    /// Works out every figure from the applications of the chosen rounds; the trend runs over
    /// <paramref name="rounds"/> with <paramref name="trendApplications"/> (all rounds of the chosen programme).
    /// </summary>
    public static EqualityReport Build(IReadOnlyCollection<ApplicationFacts> applications, IReadOnlyCollection<RingFenceFacts> ringFences,
        IReadOnlyCollection<RoundFacts> rounds, IReadOnlyCollection<ApplicationFacts> trendApplications, DateOnly today)
    {
        var overall = Figures("All applications", applications, null, applications.Count);
        var dimensions = Groupings.Select(g => Split(g.Key, g.Title, applications, overall, g.GroupsOf, g.Order)).ToList();
        var awarded = applications.Where(a => a.Awarded).ToList();
        var outcomes = Groupings
            .Select(g => new OutcomeDimension(g.Key, g.Title, Order(awarded
                .SelectMany(a => g.GroupsOf(a).Distinct().Select(group => (Group: group, Award: a)))
                .GroupBy(x => x.Group, x => x.Award)
                .Select(x => OutcomesOf(x.Key, x.ToList(), today)), o => o.Group, g.Order)))
            .Prepend(new OutcomeDimension("all", "All awards", [OutcomesOf("All awards", awarded, today)]))
            .ToList();
        var reached = awarded
            .SelectMany(a => a.Reached.Select(r => (Community: DeiTaxonomy.TitleOf(new DeiCode(r.DeiCode, "", "").GroupCode), a.ApplicationId, r.Count)))
            .GroupBy(x => x.Community)
            .Select(g => g.Select(x => x.ApplicationId).Distinct().Count() is var awards && awards < SmallGroups.Minimum
                ? new CommunityReached(g.Key, true, 0, 0)
                : new CommunityReached(g.Key, false, awards, g.Sum(x => x.Count)))
            .OrderBy(c => c.Community, StringComparer.Ordinal)
            .ToList();
        var byRound = trendApplications.ToLookup(a => a.RoundId);
        var trend = rounds.OrderBy(r => r.OpensAt)
            .Select(r =>
            {
                var inRound = byRound[r.RoundId].ToList();
                return new TrendPoint(r.Title, Figures("All applications", inRound, null, inRound.Count),
                    Figures(MostDeprivedLabel, inRound.Where(a => a.FromMostDeprivedAreas).ToList(), null, inRound.Count));
            })
            .ToList();
        return new EqualityReport(overall, dimensions, RingFencesAgainst(ringFences, applications), trend, outcomes, reached);
    }

    /// <summary>Milestones approved by their due date, of those due, and people reached, for one group of awards.</summary>
    public static OutcomeFigures OutcomesOf(string group, IReadOnlyCollection<ApplicationFacts> awards, DateOnly today)
    {
        if (awards.Count < SmallGroups.Minimum)
        {
            return new OutcomeFigures(group, true, 0, 0, 0, null, 0);
        }

        var due = awards.SelectMany(a => a.Milestones).Where(m => m.IsDueBy(today)).ToList();
        var onTime = due.Count(m => m.ApprovedOnTime);
        return new OutcomeFigures(group, false, awards.Count, due.Count, onTime, due.Count == 0 ? null : Percentages.Of(onTime, due.Count),
            awards.Sum(a => a.Reached.Sum(r => r.Count)));
    }

    private sealed record Grouping(string Key, string Title, Func<ApplicationFacts, IEnumerable<string>> GroupsOf, Func<string, int>? Order);

    private static readonly Grouping[] Groupings =
    [
        new("organisation-type", "Organisation type", OrganisationTypesOf, OrganisationTypeOrder),
        new("legal-form", "Legal form", a => [LegalFormName(a.LegalForm)], null),
        new("communities-served", "Communities served", a => DeiGroups(a.CommunitiesServed), null),
        new("leadership", "Leadership", a => DeiGroups(a.Leadership), null),
        new("deprivation", "Deprivation decile of the organisation's area", a => [DecileName(a.DeprivationDecile)], DecileOrder),
        new("area", "Local authority area", a => [a.AreaName ?? UnknownArea], null),
    ];

    private static List<T> Order<T>(IEnumerable<T> items, Func<T, string> groupOf, Func<string, int>? order) =>
        (order is null ? items.OrderBy(i => groupOf(i), StringComparer.Ordinal) : items.OrderBy(i => order(groupOf(i))).ThenBy(i => groupOf(i), StringComparer.Ordinal)).ToList();

    /// <summary>Each pot's target against what organisations that qualify for it were actually awarded in its round.</summary>
    public static IReadOnlyList<RingFenceFigures> RingFencesAgainst(IEnumerable<RingFenceFacts> ringFences, IEnumerable<ApplicationFacts> applications)
    {
        var awardedByRound = applications.Where(a => a.Awarded).ToLookup(a => a.RoundId);
        return ringFences
            .Select(f =>
            {
                var qualifying = awardedByRound[f.RoundId]
                    .Where(a => RingFence.Qualifies(f.Qualifier, f.DeiCode, a.UserLed, a.LedByLivedExperience, a.LedByRacialisedCommunities, a.CommunitiesServed.Concat(a.Leadership)))
                    .ToList();
                return new RingFenceFigures(f.RoundTitle, f.Name, f.Target, qualifying.Sum(a => a.AmountAwarded), qualifying.Count);
            })
            .ToList();
    }

    /// <summary>The figures of one group, compared with the overall success rate; suppressed when the group is small.</summary>
    public static GroupFigures Figures(string group, IReadOnlyCollection<ApplicationFacts> members, GroupFigures? overall, int total)
    {
        if (members.Count < SmallGroups.Minimum)
        {
            return GroupFigures.SuppressedGroup(group);
        }

        var decided = members.Count(a => a.Decided);
        var awarded = members.Count(a => a.Awarded);
        var scores = members.Where(a => a.Score.HasValue).Select(a => a.Score!.Value).ToList();
        var rate = decided == 0 ? (decimal?)null : Percentages.Of(awarded, decided);
        return new GroupFigures(group, false, members.Count, Percentages.Of(members.Count, total), decided, awarded,
            members.Where(a => a.Awarded).Sum(a => a.AmountAwarded), rate,
            scores.Count == 0 ? null : decimal.Round(scores.Average(), 1, MidpointRounding.AwayFromZero),
            rate is { } r && overall?.SuccessRate is { } o ? r - o : null);
    }

    private static Dimension Split(string key, string title, IReadOnlyCollection<ApplicationFacts> applications, GroupFigures overall,
        Func<ApplicationFacts, IEnumerable<string>> groupsOf, Func<string, int>? order)
    {
        var groups = applications
            .SelectMany(a => groupsOf(a).Distinct().Select(g => (Group: g, Application: a)))
            .GroupBy(x => x.Group, x => x.Application)
            .Select(g => Figures(g.Key, g.ToList(), overall, applications.Count));
        return new Dimension(key, title, Order(groups, g => g.Group, order));
    }

    public const string UnknownArea = "Area not known";

    private static readonly string[] OrganisationTypes = ["User-led", "Community-led", "Led by people with lived experience", "Led by racialised communities", "Neither user-led nor community-led"];

    private static int OrganisationTypeOrder(string group) => Array.IndexOf(OrganisationTypes, group);

    private static IEnumerable<string> OrganisationTypesOf(ApplicationFacts a)
    {
        if (a.UserLed)
        {
            yield return OrganisationTypes[0];
        }

        if (a.CommunityLed)
        {
            yield return OrganisationTypes[1];
        }

        if (a.LedByLivedExperience)
        {
            yield return OrganisationTypes[2];
        }

        if (a.LedByRacialisedCommunities)
        {
            yield return OrganisationTypes[3];
        }

        if (!a.UserLed && !a.CommunityLed)
        {
            yield return OrganisationTypes[4];
        }
    }

    public static string LegalFormName(LegalForm form) => form switch
    {
        LegalForm.RegisteredCharity => "Registered charity",
        LegalForm.CharitableIncorporatedOrganisation => "Charitable incorporated organisation",
        LegalForm.CommunityInterestCompany => "Community interest company",
        LegalForm.CompanyLimitedByGuarantee => "Company limited by guarantee",
        _ => "Unincorporated group",
    };

    /// <summary>Codes are grouped by their top-level population group (DEI020200 counts under DEI020000 Disabled people), so groups stay large enough to show.</summary>
    private static IEnumerable<string> DeiGroups(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? ["None declared"] : codes.Select(c => DeiTaxonomy.TitleOf(new DeiCode(c, "", "").GroupCode));

    public static string DecileName(int? decile) => decile switch
    {
        null => UnknownArea,
        1 => "Decile 1 (most deprived)",
        10 => "Decile 10 (least deprived)",
        _ => $"Decile {decile.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    private static int DecileOrder(string group) => group == UnknownArea ? 99 : int.Parse(group.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
}

public static class SmallGroups
{
    /// <summary>Groups smaller than this are shown as "fewer than 5" so no organisation can be identified.</summary>
    public const int Minimum = 5;

    public const string Label = "fewer than 5";
}

public static class Percentages
{
    /// <summary>A share as a percentage to one decimal place.</summary>
    public static decimal Of(decimal part, decimal whole) => whole == 0 ? 0m : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
