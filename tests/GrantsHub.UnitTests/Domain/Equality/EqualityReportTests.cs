using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.UnitTests.Domain.Equality;

public sealed class EqualityReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>
    /// Ten applications to round 1: six user-led (decile 2), four not (decile 8). User-led: 5 decided, 3 awarded
    /// (£10,000 each), scores 80, 70, 60, 50, 40. Others: 4 decided, 1 awarded (£20,000), scores 30 each.
    /// Overall: 9 decided, 4 awarded = 44.4 %; user-led 60 %, gap +15.6; the four others are suppressed.
    /// </summary>
    private static List<ApplicationFacts> Fixture()
    {
        var list = new List<ApplicationFacts>();
        decimal[] userLedScores = [80, 70, 60, 50, 40];
        for (var i = 0; i < 6; i++)
        {
            list.Add(new ApplicationFacts
            {
                ApplicationId = i + 1, FunderId = 1, RoundId = 1, LegalForm = LegalForm.RegisteredCharity, UserLed = true, DeprivationDecile = 2, AreaName = "Sunderland",
                Decided = i < 5, Awarded = i < 3, AmountAwarded = i < 3 ? 10_000m : 0m, Score = i < 5 ? userLedScores[i] : null,
                CommunitiesServed = ["DEI020200"],
                Milestones = i < 3 ? [new MilestoneFacts(new DateOnly(2026, 6, 1), i < 2 ? new DateOnly(2026, 5, 30) : new DateOnly(2026, 6, 20)), new MilestoneFacts(new DateOnly(2027, 6, 1), null)] : [],
                Reached = i < 3 ? [new PeopleReached("DEI020200", 10 * (i + 1))] : [],
            });
        }

        for (var i = 0; i < 4; i++)
        {
            list.Add(new ApplicationFacts
            {
                ApplicationId = 10 + i, FunderId = 1, RoundId = 1, LegalForm = LegalForm.UnincorporatedGroup, DeprivationDecile = 8, AreaName = "Northumberland",
                Decided = true, Awarded = i == 0, AmountAwarded = i == 0 ? 20_000m : 0m, Score = 30m,
            });
        }

        return list;
    }

    private static EqualityReport Report(List<ApplicationFacts> facts, IReadOnlyCollection<RingFenceFacts>? fences = null) =>
        EqualityReport.Build(facts, fences ?? [], [new RoundFacts(1, "Round 1", DateTimeOffset.UnixEpoch)], facts, Today);

    [Fact]
    public void Overall_success_rate_mean_score_and_amount_are_worked_out_over_decided_and_scored_applications()
    {
        var overall = Report(Fixture()).Overall;
        Assert.Equal((10, 9, 4), (overall.Applications, overall.Decided, overall.Awarded));
        Assert.Equal(44.4m, overall.SuccessRate);
        Assert.Equal(46.7m, overall.MeanScore); // (80+70+60+50+40 + 30×4) / 9 = 420 / 9
        Assert.Equal(50_000m, overall.AmountAwarded);
    }

    [Fact]
    public void A_group_shows_its_share_its_success_rate_and_its_gap_from_the_overall_rate()
    {
        var userLed = Report(Fixture()).Dimensions.Single(d => d.Key == "organisation-type").Groups.Single(g => g.Group == "User-led");
        Assert.Equal((6, 60m, 60m, 60m), (userLed.Applications, userLed.ShareOfApplications, userLed.SuccessRate!.Value, userLed.MeanScore!.Value));
        Assert.Equal(15.6m, userLed.Gap);
        Assert.True(userLed.GapIsNotable);
    }

    [Fact]
    public void Groups_of_fewer_than_five_carry_no_figures_at_all()
    {
        var report = Report(Fixture());
        var others = report.Dimensions.Single(d => d.Key == "organisation-type").Groups.Single(g => g.Group == "Neither user-led nor community-led");
        Assert.True(others.Suppressed);
        Assert.Equal((0, 0, 0, 0m, (decimal?)null, (decimal?)null, (decimal?)null), (others.Applications, others.Decided, others.Awarded, others.AmountAwarded, others.SuccessRate, others.MeanScore, others.Gap));
        var decile8 = report.Dimensions.Single(d => d.Key == "deprivation").Groups.Single(g => g.Group == "Decile 8");
        Assert.True(decile8.Suppressed);
        Assert.False(report.Dimensions.Single(d => d.Key == "deprivation").Groups.Single(g => g.Group == "Decile 2").Suppressed);
    }

    [Fact]
    public void Fewer_than_five_applications_in_all_suppresses_even_the_overall_figures()
    {
        var report = Report(Fixture().Take(4).ToList());
        Assert.True(report.Overall.Suppressed);
        Assert.All(report.Dimensions.SelectMany(d => d.Groups), g => Assert.True(g.Suppressed));
    }

    [Fact]
    public void Communities_are_counted_under_their_top_level_group()
    {
        var served = Report(Fixture()).Dimensions.Single(d => d.Key == "communities-served").Groups;
        Assert.Equal(["Disabled people", "None declared"], served.Select(g => g.Group));
        Assert.Equal(6, served[0].Applications);
    }

    [Fact]
    public void A_ring_fence_is_measured_by_what_qualifying_organisations_were_awarded()
    {
        var fence = Report(Fixture(), [new RingFenceFacts(1, "Round 1", "User-led", 25_000m, RingFenceQualifier.UserLed, null)]).RingFences.Single();
        Assert.Equal((30_000m, 3, 120m), (fence.Awarded, fence.Awards, fence.PercentOfTarget!.Value));
    }

    [Fact]
    public void The_trend_gives_each_round_its_overall_and_most_deprived_figures()
    {
        var facts = Fixture().Concat(Fixture().Select(a => a with { ApplicationId = a.ApplicationId + 100, RoundId = 2, Awarded = false, AmountAwarded = 0m })).ToList();
        var report = EqualityReport.Build(facts, [], [new RoundFacts(2, "Round 2", DateTimeOffset.UnixEpoch.AddDays(1)), new RoundFacts(1, "Round 1", DateTimeOffset.UnixEpoch)], facts, Today);
        Assert.Equal(["Round 1", "Round 2"], report.Trend.Select(t => t.RoundTitle));
        Assert.Equal([44.4m, 0m], report.Trend.Select(t => t.Overall.SuccessRate!.Value));
        Assert.Equal(60m, report.Trend[0].MostDeprived.SuccessRate);
    }

    [Fact]
    public void Outcomes_count_milestones_approved_by_their_due_date_and_people_reached_but_hide_groups_under_five_awards()
    {
        Assert.True(Report(Fixture()).Outcomes.Single(o => o.Key == "all").Groups.Single().Suppressed); // four awards
        var facts = Fixture().Select(a => a.ApplicationId is 4 or 11 ? a with { Awarded = true, AmountAwarded = 5_000m } : a).ToList();
        var all = Report(facts).Outcomes.Single(o => o.Key == "all").Groups.Single();
        Assert.Equal((6, 3, 2, 66.7m, 60), (all.Awards, all.MilestonesDue, all.MilestonesOnTime, all.OnTimeRate!.Value, all.PeopleReached));
    }
}
