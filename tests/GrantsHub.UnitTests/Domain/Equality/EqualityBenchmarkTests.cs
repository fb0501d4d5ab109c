using GrantsHub.Domain.Equality;

namespace GrantsHub.UnitTests.Domain.Equality;

public sealed class EqualityBenchmarkTests
{
    /// <summary>Ten decided applications for a funder, of which <paramref name="awarded"/> were awarded.</summary>
    private static IEnumerable<ApplicationFacts> Funder(int funderId, int awarded) =>
        Enumerable.Range(0, 10).Select(i => new ApplicationFacts { ApplicationId = funderId * 100 + i, FunderId = funderId, Decided = true, Awarded = i < awarded, AmountAwarded = i < awarded ? 1_000m : 0m });

    [Fact]
    public void The_median_of_other_funders_is_shown_once_three_contribute()
    {
        var facts = Funder(1, 5).Concat(Funder(2, 2)).Concat(Funder(3, 4)).Concat(Funder(4, 9)).ToList();
        var rate = EqualityBenchmark.Compare(1, facts).Single(l => l.Measure.StartsWith("Success rate of all", StringComparison.Ordinal));
        Assert.Equal((50m, 40m, 3), (rate.Ours!.Value, rate.MedianOfOthers!.Value, rate.Contributors)); // others 20, 40, 90
        Assert.True(rate.Shown);
    }

    [Fact]
    public void With_only_two_other_funders_no_median_is_shown()
    {
        var facts = Funder(1, 5).Concat(Funder(2, 2)).Concat(Funder(3, 4)).ToList();
        var rate = EqualityBenchmark.Compare(1, facts).Single(l => l.Measure.StartsWith("Success rate of all", StringComparison.Ordinal));
        Assert.Equal((2, false), (rate.Contributors, rate.Shown));
        Assert.Null(rate.MedianOfOthers);
    }

    [Fact]
    public void A_funder_too_small_to_show_does_not_count_towards_the_three()
    {
        var small = Enumerable.Range(0, 3).Select(i => new ApplicationFacts { ApplicationId = 900 + i, FunderId = 9, Decided = true, Awarded = true });
        var facts = Funder(1, 5).Concat(Funder(2, 2)).Concat(Funder(3, 4)).Concat(small).ToList();
        Assert.False(EqualityBenchmark.Compare(1, facts).Single(l => l.Measure.StartsWith("Success rate of all", StringComparison.Ordinal)).Shown);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(35m, EqualityBenchmark.Median([20m, 30m, 40m, 90m]));
        Assert.Equal(30m, EqualityBenchmark.Median([90m, 20m, 30m]));
    }
}
