using System.Globalization;
using GrantsHub.Domain.Equality;
using Microsoft.AspNetCore.Html;

namespace GrantsHub.Web.Features.Equality;

/// <summary>A chart's data for wwwroot/js/equality-charts.js: read from a JSON block, never run as script.</summary>
public sealed record ChartModel(string Id, string Type, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string Unit);

public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values);

/// <summary>The dashboard's tables as text, for the page, the charts and the CSV downloads alike; suppressed groups say so.</summary>
public static class EqualityTables
{
    public static readonly string[] AccessHeaders = ["Dimension", "Group", "Applications", "Share of applications (%)"];

    public static readonly string[] ExperienceHeaders = ["Dimension", "Group", "Decided", "Awarded", "Success rate (%)", "Gap from overall (points)", "Mean score (0–100)", "Amount awarded (GBP)"];

    public static readonly string[] RingFenceHeaders = ["Round", "Ring-fenced pot", "Target (GBP)", "Awarded (GBP)", "Awards", "Awarded as % of target"];

    public static readonly string[] TrendHeaders = ["Round", "Applications", "Success rate (%)", "Mean score (0–100)", "Most deprived areas: applications", "Most deprived areas: success rate (%)"];

    public static readonly string[] OutcomeHeaders = ["Dimension", "Group", "Awards", "Milestones due", "Approved on time", "On time (%)", "People reached"];

    public static readonly string[] ReachedHeaders = ["Community", "Awards reporting", "People reached"];

    public static IEnumerable<string[]> Outcomes(OutcomeDimension d) =>
        d.Groups.Select(g => g.Suppressed
            ? new[] { d.Title, g.Group, SmallGroups.Label, SmallGroups.Label, SmallGroups.Label, SmallGroups.Label, SmallGroups.Label }
            : [d.Title, g.Group, g.Awards.ToString(CultureInfo.InvariantCulture), g.MilestonesDue.ToString(CultureInfo.InvariantCulture),
                g.MilestonesOnTime.ToString(CultureInfo.InvariantCulture), Number(g.OnTimeRate), g.PeopleReached.ToString(CultureInfo.InvariantCulture)]);

    public static IEnumerable<string[]> Reached(EqualityReport report) =>
        report.Reached.Select(c => c.Suppressed
            ? new[] { c.Community, SmallGroups.Label, SmallGroups.Label }
            : [c.Community, c.Awards.ToString(CultureInfo.InvariantCulture), c.People.ToString(CultureInfo.InvariantCulture)]);

    public static ChartModel ReachedChart(EqualityReport report) =>
        new("chart-reached", "bar", "People reached by community", report.Reached.Select(c => c.Suppressed ? $"{c.Community} ({SmallGroups.Label})" : c.Community).ToList(),
            [new ChartSeries("People reached", report.Reached.Select(c => c.Suppressed ? (decimal?)null : c.People).ToList())], "");

    /// <summary>
    /// A dimension with more groups than this (local authority areas, say) shows only its largest on the dashboard, with
    /// a link to all of them a page at a time: a table and chart of 150 areas would bury every other figure.
    /// </summary>
    public const int GroupsOnDashboard = 12;

    /// <summary>Groups on each page of one dimension's figures.</summary>
    public const int GroupsPerPage = 50;

    public static bool IsLong(Dimension d) => d.Groups.Count > GroupsOnDashboard;

    public static bool IsLong(OutcomeDimension d) => d.Groups.Count > GroupsOnDashboard;

    /// <summary>
    /// The dimension as the dashboard shows it: every group, or for a long one the groups with most applications, largest
    /// first. Suppressed groups carry no figures, so they come last and are left out first.
    /// </summary>
    public static Dimension OnDashboard(Dimension d) =>
        IsLong(d) ? d with { Groups = [.. d.Groups.OrderByDescending(g => g.Applications).ThenBy(g => g.Group, StringComparer.Ordinal).Take(GroupsOnDashboard)] } : d;

    /// <summary>The same for outcomes: for a long dimension, the groups with most awards.</summary>
    public static OutcomeDimension OnDashboard(OutcomeDimension d) =>
        IsLong(d) ? d with { Groups = [.. d.Groups.OrderByDescending(g => g.Awards).ThenBy(g => g.Group, StringComparer.Ordinal).Take(GroupsOnDashboard)] } : d;

    /// <summary>The groups of a dimension whose success rate is a notable gap from the overall rate.</summary>
    public static int NotableGaps(Dimension d) => d.Groups.Count(g => g.GapIsNotable);

    public static readonly string[] BenchmarkHeaders = ["Measure", "Yours", "Median of other funders", "Other funders contributing"];

    public static string Number(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    public static string Count(GroupFigures g, int value) => g.Suppressed ? SmallGroups.Label : value.ToString(CultureInfo.InvariantCulture);

    public static string Figure(GroupFigures g, decimal? value) => g.Suppressed ? SmallGroups.Label : Number(value);

    /// <summary>
    /// A group's gap from the overall success rate, for a table cell on the dashboard and on the page of all groups:
    /// signed points, with a badge when the gap is notable; "fewer than 5" for a suppressed group. Only numbers and fixed
    /// words, so nothing needs encoding.
    /// </summary>
    public static IHtmlContent Gap(GroupFigures g) => new HtmlString(g.Gap is not { } gap
        ? Figure(g, null)
        : $"<span>{(gap > 0 ? "+" : "")}{Number(gap)} points</span>"
            + (g.GapIsNotable ? $" <strong class=\"badge text-bg-warning ms-1\">{(gap < 0 ? "well below overall" : "well above overall")}</strong>" : ""));

    public static IEnumerable<string[]> Access(Dimension d, GroupFigures overall) =>
        d.Groups.Select(g => new[] { d.Title, g.Group, Count(g, g.Applications), Figure(g, g.ShareOfApplications) })
            .Append([d.Title, overall.Group, Count(overall, overall.Applications), Figure(overall, overall.Suppressed ? null : 100m)]);

    public static IEnumerable<string[]> Experience(Dimension d, GroupFigures overall) =>
        d.Groups.Append(overall).Select(g => new[]
        {
            d.Title, g.Group, Count(g, g.Decided), Count(g, g.Awarded), Figure(g, g.SuccessRate), Figure(g, g.Gap), Figure(g, g.MeanScore),
            g.Suppressed ? SmallGroups.Label : g.AmountAwarded.ToString("0.##", CultureInfo.InvariantCulture),
        });

    public static IEnumerable<string[]> RingFences(EqualityReport report) =>
        report.RingFences.Select(f => new[]
        {
            f.RoundTitle, f.Name, f.Target.ToString("0.##", CultureInfo.InvariantCulture), f.Awarded.ToString("0.##", CultureInfo.InvariantCulture),
            f.Awards.ToString(CultureInfo.InvariantCulture), Number(f.PercentOfTarget),
        });

    public static IEnumerable<string[]> Trend(EqualityReport report) =>
        report.Trend.Select(t => new[]
        {
            t.RoundTitle, Count(t.Overall, t.Overall.Applications), Figure(t.Overall, t.Overall.SuccessRate), Figure(t.Overall, t.Overall.MeanScore),
            Count(t.MostDeprived, t.MostDeprived.Applications), Figure(t.MostDeprived, t.MostDeprived.SuccessRate),
        });

    public static IEnumerable<string[]> Benchmark(IReadOnlyList<BenchmarkLine> lines) =>
        lines.Select(l => new[]
        {
            l.Measure, l.Ours is null ? SmallGroups.Label : Number(l.Ours),
            l.Shown ? Number(l.MedianOfOthers) : $"not shown: fewer than {EqualityBenchmark.MinimumFunders} other funders",
            l.Contributors.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Suppressed groups are labelled and have no bar, so the chart shows no more than the table.</summary>
    private static string LabelOf(GroupFigures g) => g.Suppressed ? $"{g.Group} ({SmallGroups.Label})" : g.Group;

    public static ChartModel AccessChart(Dimension d) =>
        new($"chart-access-{d.Key}", "bar", $"Applications by {d.Title.ToLowerInvariant()}", d.Groups.Select(LabelOf).ToList(),
            [new ChartSeries("Applications", d.Groups.Select(g => g.Suppressed ? (decimal?)null : g.Applications).ToList())], "");

    public static ChartModel ExperienceChart(Dimension d, GroupFigures overall) =>
        new($"chart-experience-{d.Key}", "bar", $"Success rate by {d.Title.ToLowerInvariant()}", d.Groups.Select(LabelOf).ToList(),
        [
            new ChartSeries("Success rate (%)", d.Groups.Select(g => g.Suppressed ? null : g.SuccessRate).ToList()),
            new ChartSeries("Overall success rate (%)", d.Groups.Select(_ => overall.SuccessRate).ToList()),
        ], "%");

    public static ChartModel RingFenceChart(EqualityReport report) =>
        new("chart-ring-fences", "bar", "Ring-fenced pots: target and awarded", report.RingFences.Select(f => $"{f.Name} ({f.RoundTitle})").ToList(),
        [
            new ChartSeries("Target (£)", report.RingFences.Select(f => (decimal?)f.Target).ToList()),
            new ChartSeries("Awarded (£)", report.RingFences.Select(f => (decimal?)f.Awarded).ToList()),
        ], "£");

    public static ChartModel TrendChart(EqualityReport report) =>
        new("chart-trend", "line", "Success rate across rounds", report.Trend.Select(t => t.RoundTitle).ToList(),
        [
            new ChartSeries("All applications (%)", report.Trend.Select(t => t.Overall.Suppressed ? null : t.Overall.SuccessRate).ToList()),
            new ChartSeries(EqualityReport.MostDeprivedLabel + " (%)", report.Trend.Select(t => t.MostDeprived.Suppressed ? null : t.MostDeprived.SuccessRate).ToList()),
        ], "%");
}
