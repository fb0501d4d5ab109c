using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.UnitTests.Domain;

public sealed class RoundRulesTests
{
    private static Organisation Org(Action<Organisation>? change = null)
    {
        var org = new Organisation { Name = "Riverside Voices", LegalForm = LegalForm.UnincorporatedGroup, IncomeBand = IncomeBand.From10kTo50k, LocalAuthorityCode = "E08000021" };
        change?.Invoke(org);
        return org;
    }

    [Fact]
    public void An_organisation_that_meets_every_rule_is_eligible()
    {
        var round = new Round { Title = "R", AllowedOrganisationTypes = OrganisationTypes.UserLed | OrganisationTypes.UnincorporatedGroup, MaximumAnnualIncome = 250_000m, Areas = [new RoundArea { AreaCode = "E08000021" }] };
        Assert.Empty(Eligibility.Check(round, Org()));
    }

    [Fact]
    public void Each_failed_rule_is_explained()
    {
        var round = new Round { Title = "R", AllowedOrganisationTypes = OrganisationTypes.UserLed | OrganisationTypes.CommunityLed, MaximumAnnualIncome = 100_000m, Areas = [new RoundArea { AreaCode = "E08000024" }] };
        var failures = Eligibility.Check(round, Org(o => o.IncomeBand = IncomeBand.From250kTo1m));

        Assert.Equal(["Organisation type", "Annual income", "Area"], failures.Select(f => f.Rule));
        Assert.Equal("This round is open only to organisations that are: user-led, community-led. Your profile says Riverside Voices is none of these.", failures[0].Explanation);
        Assert.Equal("This round is for organisations with an annual income under £100,000; your profile says £250,000 to £1 million.", failures[1].Explanation);
    }

    [Theory]
    [InlineData(IncomeBand.From100kTo250k, 250_000, true)]
    [InlineData(IncomeBand.From250kTo1m, 250_000, false)]
    [InlineData(IncomeBand.Under10k, 10_000, true)]
    public void Income_is_compared_by_the_bottom_of_the_band(IncomeBand band, int limit, bool eligible)
    {
        var round = new Round { Title = "R", MaximumAnnualIncome = limit };
        Assert.Equal(eligible, Eligibility.Check(round, Org(o => o.IncomeBand = band)).Count == 0);
    }

    [Fact]
    public void A_missing_profile_answer_is_asked_for_not_guessed()
    {
        var round = new Round { Title = "R", MaximumAnnualIncome = 50_000m, Areas = [new RoundArea { AreaCode = "E08000021" }] };
        var failures = Eligibility.Check(round, Org(o => { o.IncomeBand = null; o.LocalAuthorityCode = null; }));
        Assert.All(failures, f => Assert.Contains("organisation profile", f.Explanation, StringComparison.Ordinal));
        Assert.Equal(2, failures.Count);
    }

    [Theory]
    [InlineData("DEI020000", "DEI020200", true)]
    [InlineData("DEI020200", "DEI020200", true)]
    [InlineData("DEI020100", "DEI020110", true)]
    [InlineData("DEI020100", "DEI020200", false)]
    [InlineData("DEI020200", "DEI020000", false)]
    [InlineData("DEI010000", "DEI020200", false)]
    public void Dei_codes_cover_their_sub_codes(string broader, string specific, bool covers) =>
        Assert.Equal(covers, DeiTaxonomy.Covers(broader, specific));

    [Fact]
    public void The_dei_codelist_is_shipped_with_its_titles()
    {
        Assert.Equal(73, DeiTaxonomy.All.Count);
        Assert.Equal("Mental Health", DeiTaxonomy.TitleOf("DEI020200"));
        Assert.Equal("Gypsy, Roma and Traveller Communities", DeiTaxonomy.TitleOf("DEI019930"));
        Assert.True(DeiTaxonomy.Find("DEI020000")!.IsGroup);
    }

    [Fact]
    public void Ring_fences_qualify_organisations_by_their_declarations_and_codes()
    {
        var byCode = new RingFence { Name = "Disabled people", Qualifier = RingFenceQualifier.DeiCode, DeiCode = "DEI020000" };
        Assert.True(byCode.Qualifies(Org(o => o.DeiCodes.Add(new OrganisationDeiCode { Code = "DEI020200" }))));
        Assert.False(byCode.Qualifies(Org(o => o.DeiCodes.Add(new OrganisationDeiCode { Code = "DEI090000" }))));
        Assert.True(new RingFence { Name = "L", Qualifier = RingFenceQualifier.LedByLivedExperience }.Qualifies(Org(o => o.LedByLivedExperience = true)));
        Assert.False(new RingFence { Name = "U", Qualifier = RingFenceQualifier.UserLed }.Qualifies(Org()));
    }

    [Fact]
    public void A_ring_fence_is_an_amount_or_a_share_of_the_budget()
    {
        Assert.Equal(30_000m, new RingFence { Name = "P", Percentage = 30m }.AmountOf(100_000m));
        Assert.Equal(33_333.33m, new RingFence { Name = "P", Percentage = 33.33333m }.AmountOf(100_000m));
        Assert.Equal(12_500m, new RingFence { Name = "A", Amount = 12_500m }.AmountOf(100_000m));
    }

    [Fact]
    public void A_round_lists_everything_missing_before_it_can_be_published()
    {
        var round = new Round
        {
            Title = "R", Budget = 100_000m, MinimumGrant = 60_000m, MaximumGrant = 50_000m, MaximumDurationMonths = 40,
            OpensAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), ClosesAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            Criteria = [new Criterion { Name = "Need", Weight = 70 }],
            RingFences = [new RingFence { Name = "Big", Percentage = 80m }, new RingFence { Name = "Also big", Amount = 30_000m }],
        };

        var problems = RoundRules.CheckReadyToPublish(round).Select(p => p.Message).ToList();

        Assert.Equal(
        [
            "The closing date must be after the opening date",
            "The minimum grant must not be more than the maximum grant",
            "Grants can last from 1 to 36 months",
            "Criteria weights must total 100; they total 70",
            "The ring-fenced pots total £110,000, more than the round budget of £100,000",
            "Add at least one question to the application form",
        ], problems);

        round.Sections = [new FormSection { Title = "S", Questions = [new Question { Text = "Q" }] }];
        round.MinimumGrant = 1_000m;
        round.MaximumDurationMonths = 36;
        round.ClosesAt = round.OpensAt.AddDays(30);
        round.Criteria[0].Weight = 100;
        round.RingFences.RemoveAt(1);
        Assert.Empty(RoundRules.CheckReadyToPublish(round));
    }

    [Fact]
    public void Round_stages_follow_the_state_table()
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var round = new Round { Title = "R", Stage = RoundStage.Published, OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(-1) };
        Assert.True(RoundStages.CanMove(round, RoundStage.InAssessment, now));
        Assert.False(RoundStages.CanMove(round, RoundStage.Decided, now));
        Assert.False(RoundStages.CanMove(round, RoundStage.Draft, now));
        round.ClosesAt = now.AddDays(1);
        Assert.False(RoundStages.CanMove(round, RoundStage.InAssessment, now)); // still open
        round.OpensAt = now.AddDays(1);
        Assert.True(RoundStages.CanMove(round, RoundStage.Draft, now)); // not yet open: may be unpublished
    }
}
