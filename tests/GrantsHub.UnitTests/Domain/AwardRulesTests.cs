using GrantsHub.Domain.Awards;
using GrantsHub.Web.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GrantsHub.UnitTests.Domain;

public sealed class AwardRulesTests
{
    [Theory]
    [InlineData(AwardStatus.Draft, AwardStatus.Offered, true)]
    [InlineData(AwardStatus.Offered, AwardStatus.Active, true)]
    [InlineData(AwardStatus.Offered, AwardStatus.Declined, true)]
    [InlineData(AwardStatus.Offered, AwardStatus.Draft, true)]
    [InlineData(AwardStatus.Active, AwardStatus.Completed, true)]
    [InlineData(AwardStatus.Active, AwardStatus.Terminated, true)]
    [InlineData(AwardStatus.Withdrawn, AwardStatus.Draft, true)]
    [InlineData(AwardStatus.Draft, AwardStatus.Active, false)]
    [InlineData(AwardStatus.Declined, AwardStatus.Active, false)]
    [InlineData(AwardStatus.Active, AwardStatus.Draft, false)]
    [InlineData(AwardStatus.Completed, AwardStatus.Active, false)]
    public void An_award_moves_only_as_the_state_table_allows(AwardStatus from, AwardStatus to, bool allowed) =>
        Assert.Equal(allowed, AwardTransitions.CanMove(from, to));

    [Fact]
    public void Moving_an_award_against_the_table_throws_and_leaves_it_unchanged()
    {
        var award = new Award { Reference = "AW-2026-000001", Status = AwardStatus.Declined };
        Assert.Throws<InvalidOperationException>(() => award.MoveTo(AwardStatus.Active));
        Assert.Equal(AwardStatus.Declined, award.Status);
    }

    [Theory]
    [InlineData(MilestoneStage.Planned, MilestoneAction.Start, MilestoneStage.InProgress)]
    [InlineData(MilestoneStage.InProgress, MilestoneAction.SubmitEvidence, MilestoneStage.Submitted)]
    [InlineData(MilestoneStage.ChangesRequested, MilestoneAction.SubmitEvidence, MilestoneStage.Submitted)]
    [InlineData(MilestoneStage.Submitted, MilestoneAction.Approve, MilestoneStage.Approved)]
    [InlineData(MilestoneStage.Submitted, MilestoneAction.RequestChanges, MilestoneStage.ChangesRequested)]
    [InlineData(MilestoneStage.Approved, MilestoneAction.SubmitEvidence, null)]
    [InlineData(MilestoneStage.Planned, MilestoneAction.Approve, null)]
    [InlineData(MilestoneStage.Submitted, MilestoneAction.SubmitEvidence, null)]
    public void A_milestone_moves_only_as_the_state_table_allows(MilestoneStage from, MilestoneAction action, MilestoneStage? to) =>
        Assert.Equal(to, MilestoneRules.Next(from, action));

    [Theory]
    [InlineData(MilestoneStage.Planned, "2027-01-10", MilestoneStatus.Planned)]
    [InlineData(MilestoneStage.Planned, "2027-01-11", MilestoneStatus.Overdue)]
    [InlineData(MilestoneStage.InProgress, "2027-01-11", MilestoneStatus.Overdue)]
    [InlineData(MilestoneStage.ChangesRequested, "2027-01-11", MilestoneStatus.Overdue)]
    [InlineData(MilestoneStage.Submitted, "2027-01-11", MilestoneStatus.Submitted)]
    [InlineData(MilestoneStage.Approved, "2027-03-01", MilestoneStatus.Approved)]
    public void A_milestone_is_overdue_only_after_its_due_day_while_evidence_is_still_owed(MilestoneStage stage, string today, MilestoneStatus expected) =>
        Assert.Equal(expected, MilestoneRules.StatusOf(stage, new DateOnly(2027, 1, 10), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // Summer (BST): from 23:00 UTC on 30 June it is already 1 July in London, so a milestone due 30 June is overdue.
    [InlineData("2027-06-30T22:59:59Z", "2027-06-30", MilestoneStatus.Planned)]
    [InlineData("2027-06-30T23:00:00Z", "2027-06-30", MilestoneStatus.Overdue)]
    // Winter (GMT): London and UTC agree, so it becomes overdue only at midnight UTC.
    [InlineData("2027-12-31T23:30:00Z", "2027-12-31", MilestoneStatus.Planned)]
    [InlineData("2028-01-01T00:00:00Z", "2027-12-31", MilestoneStatus.Overdue)]
    public void Overdue_follows_the_day_in_London_in_summer_and_winter(string utc, string due, MilestoneStatus expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        var milestone = new Milestone { Title = "Second site open", TargetMeasure = "Sites open", DueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(expected, milestone.StatusOn(UkTime.Today(clock.GetUtcNow())));
    }

    [Fact]
    public void A_tranche_without_a_milestone_falls_due_on_its_planned_date_once_the_award_is_live()
    {
        var tranche = new AwardTranche { Amount = 5_000m, PlannedDate = new DateOnly(2027, 2, 1) };
        Assert.Equal(TrancheStatus.Scheduled, tranche.StatusOn(new DateOnly(2027, 1, 31), awardLive: true));
        Assert.Equal(TrancheStatus.Due, tranche.StatusOn(new DateOnly(2027, 2, 1), awardLive: true));
        Assert.Equal(TrancheStatus.Scheduled, tranche.StatusOn(new DateOnly(2027, 2, 1), awardLive: false));
        var gated = new AwardTranche { Amount = 5_000m, PlannedDate = new DateOnly(2027, 2, 1), MilestoneId = 7 };
        Assert.Equal(TrancheStatus.Scheduled, gated.StatusOn(new DateOnly(2027, 6, 1), awardLive: true));
    }

    [Fact]
    public void A_tranche_is_paid_once_and_never_before_it_is_due()
    {
        var now = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var tranche = new AwardTranche { Id = 3, AwardId = 9, Amount = 5_000m, PlannedDate = new DateOnly(2027, 3, 1), MilestoneId = 4 };
        Assert.Throws<TranchePaymentException>(() => tranche.RecordPayment(new DateOnly(2027, 2, 1), "BACS-1", "u", now, new DateOnly(2027, 2, 1), true));

        tranche.Status = TrancheStatus.Due;
        var payment = tranche.RecordPayment(new DateOnly(2027, 2, 1), "BACS-1", "u", now, new DateOnly(2027, 2, 1), true);
        Assert.Equal((9, 3, 5_000m, TrancheStatus.Paid), (payment.AwardId, payment.TrancheId, payment.Amount, tranche.Status));
        var again = Assert.Throws<TranchePaymentException>(() => tranche.RecordPayment(new DateOnly(2027, 2, 2), "BACS-2", "u", now, new DateOnly(2027, 2, 2), true));
        Assert.Equal("This tranche has already been paid.", again.Message);
    }

    [Fact]
    public void Reports_fall_due_every_interval_with_a_final_report_covering_the_rest()
    {
        var reports = ReportRules.Schedule(new DateOnly(2027, 1, 1), new DateOnly(2028, 3, 31), 6);

        Assert.Equal(
            [
                ("Progress report 1", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), new DateOnly(2027, 7, 30), false),
                ("Progress report 2", new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31), new DateOnly(2028, 1, 30), false),
                ("Final report", new DateOnly(2028, 1, 1), new DateOnly(2028, 3, 31), new DateOnly(2028, 4, 30), true),
            ],
            reports.Select(r => (r.Title, r.PeriodStart, r.PeriodEnd, r.DueDate, r.IsFinal)));
    }

    [Theory]
    [InlineData(ReportStage.NotStarted, ReportAction.Submit, ReportStage.Submitted)]
    [InlineData(ReportStage.ChangesRequested, ReportAction.Submit, ReportStage.Submitted)]
    [InlineData(ReportStage.Submitted, ReportAction.Accept, ReportStage.Accepted)]
    [InlineData(ReportStage.Submitted, ReportAction.RequestChanges, ReportStage.ChangesRequested)]
    [InlineData(ReportStage.Accepted, ReportAction.Submit, null)]
    public void A_report_moves_only_as_the_state_table_allows(ReportStage from, ReportAction action, ReportStage? to) =>
        Assert.Equal(to, ReportRules.Next(from, action));
}
