using GrantsHub.Domain.Assessment;

namespace GrantsHub.UnitTests.Domain.Assessment;

public sealed class RecommendationEngineTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static RecommendationCandidate App(int id, decimal? score, decimal requested, int minutesAfter = 0, params int[] pots) =>
        new(id, $"GH-2026-{id:D6}", $"Organisation {id}", score, requested, Day.AddMinutes(minutesAfter), pots.ToHashSet());

    private static RecommendationResult Run(decimal budget, IEnumerable<RecommendationCandidate> candidates, RingFencedPot[]? pots = null,
        decimal threshold = 50m, bool partial = false, int[]? include = null, int[]? exclude = null) =>
        RecommendationEngine.Recommend(new RecommendationInput(budget, pots ?? [], threshold, partial, candidates.ToList(),
            (include ?? []).ToHashSet(), (exclude ?? []).ToHashSet()));

    private static RecommendationLine Line(RecommendationResult result, int id) => result.Lines.Single(l => l.ApplicationId == id);

    [Fact]
    public void A_ring_fenced_pot_is_filled_first_with_qualifying_applications_even_when_others_score_higher()
    {
        var pot = new RingFencedPot(7, "Lived experience", 30_000m);
        var result = Run(110_000m, [App(1, 90, 40_000), App(2, 85, 40_000), App(3, 60, 30_000, pots: 7), App(4, 65, 20_000)], [pot]);

        Assert.Equal(7, Line(result, 3).PotId);
        Assert.Contains("ring-fenced pot \"Lived experience\"", Line(result, 3).Explanation, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], result.Funded.Select(l => l.ApplicationId).Order());
        Assert.Equal([4], result.Reserve.Select(l => l.ApplicationId));
        Assert.Equal(30_000m, result.Pots.Single(p => p.PotId == 7).Used);
        Assert.Equal(0m, result.Remaining);
    }

    [Fact]
    public void An_application_exactly_meeting_the_remaining_budget_is_funded()
    {
        var result = Run(50_000m, [App(1, 80, 20_000), App(2, 70, 30_000)]);

        Assert.All(result.Lines, l => Assert.Equal(RecommendationOutcome.Funded, l.Outcome));
        Assert.Equal(50_000m, result.Used);
        Assert.Equal(0m, result.Remaining);
    }

    [Fact]
    public void An_application_one_penny_over_the_remaining_budget_goes_to_the_reserve_list_and_the_next_that_fits_is_funded()
    {
        var result = Run(50_000m, [App(1, 80, 20_000), App(2, 70, 30_000.01m), App(3, 65, 10_000)]);

        Assert.Equal(RecommendationOutcome.Reserve, Line(result, 2).Outcome);
        Assert.Contains("does not fit the £30,000 left", Line(result, 2).Explanation, StringComparison.Ordinal);
        Assert.Equal(RecommendationOutcome.Funded, Line(result, 3).Outcome);
        Assert.Equal(20_000m, result.Remaining);
    }

    [Fact]
    public void Ties_on_score_are_broken_by_lower_request_then_earlier_submission_and_explained()
    {
        var result = Run(25_000m, [App(1, 75, 20_000, minutesAfter: 0), App(2, 75, 15_000, minutesAfter: 5), App(3, 75, 15_000, minutesAfter: 1)]);

        Assert.Equal([3, 2, 1], result.Lines.OrderBy(l => l.Rank).Select(l => l.ApplicationId));
        Assert.Equal(RecommendationOutcome.Funded, Line(result, 3).Outcome);
        Assert.Equal(RecommendationOutcome.Reserve, Line(result, 2).Outcome);
        Assert.Contains("Tied on 75 with GH-2026-000002, GH-2026-000001", Line(result, 3).Explanation, StringComparison.Ordinal);
        Assert.Contains("Ranked ahead of GH-2026-000002, GH-2026-000001", Line(result, 3).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Applications_below_the_quality_threshold_are_never_funded_even_with_money_left_or_when_included()
    {
        var result = Run(100_000m, [App(1, 80, 10_000), App(2, 49.99m, 10_000)], threshold: 50m, include: [2]);

        Assert.Equal(RecommendationOutcome.BelowThreshold, Line(result, 2).Outcome);
        Assert.Equal("Score 49.99 is below the quality threshold of 50, so it is not funded.", Line(result, 2).Explanation);
        Assert.Equal(90_000m, result.Remaining);
    }

    [Fact]
    public void Without_partial_awards_requested_amounts_are_honoured_in_full()
    {
        var result = Run(50_000m, [App(1, 80, 30_000), App(2, 70, 30_000)], partial: false);

        Assert.Equal(RecommendationOutcome.Reserve, Line(result, 2).Outcome);
        Assert.All(result.Funded, l => Assert.Equal(l.Requested, l.Amount));
    }

    [Fact]
    public void With_partial_awards_the_first_application_that_does_not_fit_takes_what_is_left()
    {
        var result = Run(50_000m, [App(1, 80, 30_000), App(2, 70, 30_000), App(3, 60, 5_000)], partial: true);

        Assert.Equal(20_000m, Line(result, 2).Amount);
        Assert.StartsWith("Partly funded: £20,000 of the £30,000 requested", Line(result, 2).Explanation, StringComparison.Ordinal);
        Assert.Equal(RecommendationOutcome.Reserve, Line(result, 3).Outcome);
        Assert.Equal(0m, result.Remaining);
    }

    [Fact]
    public void Ring_fenced_money_no_qualifying_application_can_use_is_released_to_the_open_budget()
    {
        var pot = new RingFencedPot(1, "User-led", 40_000m);
        var result = Run(100_000m, [App(1, 80, 70_000), App(2, 70, 30_000), App(3, 40, 10_000, pots: 1)], [pot]);

        Assert.Equal([1, 2], result.Funded.Select(l => l.ApplicationId).Order());
        Assert.Equal(RecommendationOutcome.BelowThreshold, Line(result, 3).Outcome);
        Assert.Equal(0m, result.Pots.Single(p => p.PotId == 1).Used);
        Assert.Equal(100_000m, result.Pots.Single(p => p.PotId is null).Available);
    }

    [Fact]
    public void The_funder_can_exclude_an_application_and_include_one_from_the_reserve_list()
    {
        var result = Run(50_000m, [App(1, 90, 30_000), App(2, 80, 20_000), App(3, 70, 20_000)], include: [3], exclude: [1]);

        Assert.Equal(RecommendationOutcome.Excluded, Line(result, 1).Outcome);
        Assert.StartsWith("Included by the funder; funded", Line(result, 3).Explanation, StringComparison.Ordinal);
        Assert.Equal([2, 3], result.Funded.Select(l => l.ApplicationId).Order());
    }

    [Fact]
    public void Unscored_applications_are_listed_but_never_funded()
    {
        var result = Run(50_000m, [App(1, null, 10_000), App(2, 60, 10_000)]);

        Assert.Equal(RecommendationOutcome.NotScored, Line(result, 1).Outcome);
        Assert.Equal(2, Line(result, 1).Rank);
    }
}
