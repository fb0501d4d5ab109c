using GrantsHub.Domain.Partnerships;

namespace GrantsHub.UnitTests.Domain.Partnerships;

public sealed class AgreementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly NextYear = new(2027, 11, 27);

    public static TheoryData<AgreementStatus, AgreementAction, AgreementStage?> Moves() => new()
    {
        { AgreementStatus.Draft, AgreementAction.Sign, AgreementStage.Signed },
        { AgreementStatus.Signed, AgreementAction.Activate, AgreementStage.Active },
        { AgreementStatus.Active, AgreementAction.StartReview, AgreementStage.UnderReview },
        { AgreementStatus.UnderReview, AgreementAction.CompleteReview, AgreementStage.Active },
        { AgreementStatus.Draft, AgreementAction.Terminate, AgreementStage.Terminated },
        { AgreementStatus.Signed, AgreementAction.Terminate, AgreementStage.Terminated },
        { AgreementStatus.Active, AgreementAction.Terminate, AgreementStage.Terminated },
        { AgreementStatus.UnderReview, AgreementAction.Terminate, AgreementStage.Terminated },
        { AgreementStatus.Expired, AgreementAction.Terminate, AgreementStage.Terminated },
        { AgreementStatus.Draft, AgreementAction.Activate, null },
        { AgreementStatus.Signed, AgreementAction.Sign, null },
        { AgreementStatus.Active, AgreementAction.CompleteReview, null },
        { AgreementStatus.UnderReview, AgreementAction.StartReview, null },
        { AgreementStatus.Expired, AgreementAction.Activate, null },
        { AgreementStatus.Expired, AgreementAction.StartReview, null },
        { AgreementStatus.Terminated, AgreementAction.Activate, null },
        { AgreementStatus.Terminated, AgreementAction.Terminate, null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void The_state_table_says_where_each_action_leads(AgreementStatus from, AgreementAction action, AgreementStage? to) =>
        Assert.Equal(to, AgreementLifecycle.Next(from, action));

    [Fact]
    public void Every_status_but_terminated_offers_a_way_out_and_terminated_offers_none()
    {
        foreach (var status in Enum.GetValues<AgreementStatus>().Where(s => s != AgreementStatus.Terminated))
        {
            Assert.Contains(AgreementAction.Terminate, AgreementLifecycle.ActionsFrom(status));
        }

        Assert.Empty(AgreementLifecycle.ActionsFrom(AgreementStatus.Terminated));
    }

    [Fact]
    public void A_refused_move_changes_nothing()
    {
        var agreement = new PartnershipAgreement { Title = "T", Purpose = "P", Stage = AgreementStage.Draft, EndsOn = NextYear };

        Assert.False(agreement.TryMove(AgreementAction.Activate, Now));
        Assert.Equal(AgreementStage.Draft, agreement.Stage);
        Assert.True(agreement.TryMove(AgreementAction.Sign, Now));
        Assert.Equal(AgreementStatus.Signed, agreement.StatusAt(Now));
    }

    public static TheoryData<string, DateOnly, string, AgreementStatus> Clock() => new()
    {
        // GMT in winter: the last day ends at midnight UTC.
        { "winter, last minute of the end date", new DateOnly(2026, 12, 31), "2026-12-31T23:59:59Z", AgreementStatus.Active },
        { "winter, the day after", new DateOnly(2026, 12, 31), "2027-01-01T00:00:00Z", AgreementStatus.Expired },
        // 29 March 2026 the clocks go forward: the end date ends at midnight BST, 23:00 UTC.
        { "spring change day, last second in BST", new DateOnly(2026, 3, 29), "2026-03-29T22:59:59Z", AgreementStatus.Active },
        { "spring change day, midnight BST", new DateOnly(2026, 3, 29), "2026-03-29T23:00:00Z", AgreementStatus.Expired },
        { "day before the spring change, still GMT", new DateOnly(2026, 3, 28), "2026-03-28T23:59:59Z", AgreementStatus.Active },
        // 25 October 2026 the clocks go back: the 24th ends at midnight BST (23:00 UTC), the 25th at midnight GMT.
        { "day before the autumn change, midnight BST", new DateOnly(2026, 10, 24), "2026-10-24T23:00:00Z", AgreementStatus.Expired },
        { "day before the autumn change, last second in BST", new DateOnly(2026, 10, 24), "2026-10-24T22:59:59Z", AgreementStatus.Active },
        { "autumn change day, last second in GMT", new DateOnly(2026, 10, 25), "2026-10-25T23:59:59Z", AgreementStatus.Active },
        { "autumn change day, midnight GMT", new DateOnly(2026, 10, 25), "2026-10-26T00:00:00Z", AgreementStatus.Expired },
    };

    [Theory]
    [MemberData(nameof(Clock))]
    public void An_agreement_runs_to_the_end_of_its_last_UK_day(string when, DateOnly endsOn, string instant, AgreementStatus expected)
    {
        Assert.False(string.IsNullOrEmpty(when));
        Assert.Equal(expected, AgreementLifecycle.StatusAt(AgreementStage.Active, endsOn, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(AgreementStage.Signed, AgreementStatus.Expired)]
    [InlineData(AgreementStage.UnderReview, AgreementStatus.Expired)]
    [InlineData(AgreementStage.Draft, AgreementStatus.Draft)]
    [InlineData(AgreementStage.Terminated, AgreementStatus.Terminated)]
    public void Only_a_signed_active_or_under_review_agreement_expires(AgreementStage stage, AgreementStatus afterTheEnd) =>
        Assert.Equal(afterTheEnd, AgreementLifecycle.StatusAt(stage, new DateOnly(2026, 1, 1), Now));
}
