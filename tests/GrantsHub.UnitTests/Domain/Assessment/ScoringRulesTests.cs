using GrantsHub.Domain.Assessment;

namespace GrantsHub.UnitTests.Domain.Assessment;

public sealed class ScoringRulesTests
{
    [Fact]
    public void The_weighted_score_maps_any_scale_onto_0_to_100()
    {
        Assert.Equal(100m, WeightedScore.Of([new(60, 5), new(40, 5)], 1, 5));
        Assert.Equal(0m, WeightedScore.Of([new(60, 1), new(40, 1)], 1, 5));
        Assert.Equal(70m, WeightedScore.Of([new(60, 4), new(40, 1)], 0, 4)); // 60 × 4/4 + 40 × 1/4
    }

    [Fact]
    public void A_moderated_score_replaces_the_mean_of_assessor_totals()
    {
        Assert.Equal(60m, WeightedScore.ApplicationScore([50m, 70m], null));
        Assert.Equal(55m, WeightedScore.ApplicationScore([50m, 70m], 55m));
        Assert.Null(WeightedScore.ApplicationScore([], null));
    }

    [Fact]
    public void Assessors_diverge_only_when_their_totals_differ_by_more_than_the_threshold()
    {
        Assert.False(WeightedScore.Diverges([40m, 60m], 20m));
        Assert.True(WeightedScore.Diverges([40m, 60.01m], 20m));
    }

    [Theory]
    [InlineData(null, ScoringAction.SaveDraft, true, ScoreStatus.Draft)]
    [InlineData(ScoreStatus.Draft, ScoringAction.Submit, true, ScoreStatus.Submitted)]
    [InlineData(ScoreStatus.Submitted, ScoringAction.Submit, true, ScoreStatus.Submitted)]
    [InlineData(ScoreStatus.Submitted, ScoringAction.SaveDraft, true, null)]
    [InlineData(ScoreStatus.Draft, ScoringAction.Submit, false, null)]
    public void Scores_move_only_as_the_state_table_allows(ScoreStatus? from, ScoringAction action, bool open, ScoreStatus? expected) =>
        Assert.Equal(expected, AssessmentStatuses.Next(from, action, open));

    [Fact]
    public void Scoring_closes_after_the_deadline_or_when_locked()
    {
        var deadline = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.True(new Panel { ScoringDeadline = deadline }.ScoringOpenAt(deadline));
        Assert.False(new Panel { ScoringDeadline = deadline }.ScoringOpenAt(deadline.AddSeconds(1)));
        Assert.False(new Panel { ScoringLocked = true }.ScoringOpenAt(deadline));
    }

    [Fact]
    public void A_submission_needs_every_score_in_range_and_every_comment()
    {
        var problems = ScoreSheet.Check([new(1, "Need", 5, "Good"), new(2, "Reach", null, " ")], 0, 4, submitting: true, i => $"Rows[{i}]");

        Assert.Equal(
            [("Rows[0].Value", "Score Need from 0 to 4"), ("Rows[1].Value", "Enter a score for Reach"), ("Rows[1].Comment", "Explain your score for Reach")],
            problems.Select(p => (p.Field, p.Message)));
        Assert.Empty(ScoreSheet.Check([new(2, "Reach", null, null)], 0, 4, submitting: false, i => $"Rows[{i}]"));
    }
}
