namespace GrantsHub.Domain.Equality;

/// <summary>
/// One measure compared with the other funders on this instance. The median is shown only when at least
/// <see cref="EqualityBenchmark.MinimumFunders"/> other funders contribute, so no single funder can be picked out.
/// </summary>
public sealed record BenchmarkLine(string Measure, decimal? Ours, decimal? MedianOfOthers, int Contributors)
{
    public bool Shown => MedianOfOthers.HasValue;
}

public static class EqualityBenchmark
{
    public const int MinimumFunders = 3;

    private sealed record Measure(string Name, Func<IReadOnlyCollection<ApplicationFacts>, decimal?> Of);

    private static readonly Measure[] Measures =
    [
        new("Success rate of all applications (%)", apps => RateOf(apps)),
        new("Applications from the most deprived areas (deciles 1–3, % of all)", apps =>
            apps.Count < SmallGroups.Minimum ? null : Percentages.Of(apps.Count(a => a.FromMostDeprivedAreas), apps.Count)),
        new("Success rate for the most deprived areas (%)", apps => RateOf(apps.Where(a => a.FromMostDeprivedAreas).ToList())),
        new("Amount awarded to user-led organisations (% of all awarded)", apps =>
        {
            var awarded = apps.Where(a => a.Awarded).ToList();
            return awarded.Count < SmallGroups.Minimum ? null : Percentages.Of(awarded.Where(a => a.UserLed).Sum(a => a.AmountAwarded), awarded.Sum(a => a.AmountAwarded));
        }),
    ];

    /// <summary>Compares <paramref name="funderId"/> with the median of every other funder whose figure can be shown.</summary>
    public static IReadOnlyList<BenchmarkLine> Compare(int funderId, IEnumerable<ApplicationFacts> everyFundersApplications)
    {
        var byFunder = everyFundersApplications.GroupBy(a => a.FunderId).ToDictionary(g => g.Key, g => Figures(g.ToList()));
        return Compare(byFunder.GetValueOrDefault(funderId) ?? Figures([]), byFunder.Where(f => f.Key != funderId).Select(f => f.Value).ToList());
    }

    /// <summary>One funder's figure for each measure, in order (null where there are too few applications to show it).</summary>
    public static IReadOnlyList<decimal?> Figures(IReadOnlyCollection<ApplicationFacts> applications) => [.. Measures.Select(m => m.Of(applications))];

    /// <summary>Compares one funder's <see cref="Figures"/> with the median of the other funders' figures that can be shown.</summary>
    public static IReadOnlyList<BenchmarkLine> Compare(IReadOnlyList<decimal?> ours, IReadOnlyCollection<IReadOnlyList<decimal?>> others) =>
        Measures
            .Select((m, i) =>
            {
                var values = others.Select(o => o[i]).OfType<decimal>().ToList();
                return new BenchmarkLine(m.Name, ours[i], values.Count >= MinimumFunders ? Median(values) : null, values.Count);
            })
            .ToList();

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : decimal.Round((sorted[middle - 1] + sorted[middle]) / 2m, 1, MidpointRounding.AwayFromZero);
    }

    private static decimal? RateOf(IReadOnlyCollection<ApplicationFacts> apps)
    {
        var decided = apps.Count(a => a.Decided);
        return decided < SmallGroups.Minimum ? null : Percentages.Of(apps.Count(a => a.Awarded), decided);
    }
}
