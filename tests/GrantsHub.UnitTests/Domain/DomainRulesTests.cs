using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.UnitTests.Domain;

public sealed class DomainRulesTests
{
    [Theory]
    [InlineData("1164883", true)]
    [InlineData("210183", true)]
    [InlineData(" 1164 883 ", true)]
    [InlineData("12345", false)]
    [InlineData("11648830", false)]
    [InlineData("SC012345", false)]
    public void Charity_numbers_are_format_checked(string value, bool valid) =>
        Assert.Equal(valid, OrganisationNumbers.IsValidCharityNumber(value));

    [Theory]
    [InlineData("08123456", true)]
    [InlineData("SC123456", true)]
    [InlineData("sc123456", true)]
    [InlineData("8123456", false)]
    [InlineData("XX123456", false)]
    [InlineData("SC12345", false)]
    public void Company_numbers_are_format_checked(string value, bool valid) =>
        Assert.Equal(valid, OrganisationNumbers.IsValidCompanyNumber(value));

    [Fact]
    public void A_published_round_is_open_exactly_from_opening_to_the_closing_second()
    {
        var round = new Round
        {
            Title = "R",
            Stage = RoundStage.Published,
            OpensAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
            ClosesAt = new DateTimeOffset(2026, 3, 29, 11, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal(RoundStatus.Upcoming, round.StatusAt(round.OpensAt.AddSeconds(-1)));
        Assert.Equal(RoundStatus.Open, round.StatusAt(round.OpensAt));
        Assert.Equal(RoundStatus.Open, round.StatusAt(round.ClosesAt));
        Assert.Equal(RoundStatus.Closed, round.StatusAt(round.ClosesAt.AddSeconds(1)));
        round.Stage = RoundStage.Draft;
        Assert.Equal(RoundStatus.Draft, round.StatusAt(round.OpensAt));
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, true)]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Approved, false)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.UnderAssessment, ApplicationStatus.Approved, true)]
    public void Application_status_follows_its_state_table(ApplicationStatus from, ApplicationStatus to, bool allowed)
    {
        var application = new GrantApplication { ProjectTitle = "P", Status = from };
        if (allowed)
        {
            application.MoveTo(to);
            Assert.Equal(to, application.Status);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => application.MoveTo(to));
            Assert.Equal(from, application.Status);
        }
    }
}
