using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Email;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Assessment;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Reminders;

/// <summary>Subjects for reminders made directly in the database, and ways to run the jobs as Hangfire would.</summary>
public static class ReminderScenario
{
    /// <summary>A published round of the demo funder closing at <paramref name="closesLocal"/> UK time, with a draft by the demo applicant's organisation.</summary>
    public static async Task<int> DraftInRoundClosingAtAsync(GrantsHubFactory app, DateTime closesLocal)
    {
        await SettleDemoAwardsAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).FirstAsync();
            var organisation = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.ApplicantOrganisation);
            var closes = UkTime.FromLocal(closesLocal);
            var round = new Round
            {
                ProgrammeId = programme.Id, Title = "Spring Wellbeing Round", OpensAt = closes.AddDays(-60), ClosesAt = closes,
                Budget = 50_000m, MinimumGrant = 1_000m, MaximumGrant = 10_000m, Stage = RoundStage.Published,
            };
            var now = app.Clock.GetUtcNow();
            var draft = new GrantApplication { Round = round, OrganisationId = organisation.Id, ProjectTitle = "Walk and talk groups", Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now };
            db.Applications.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
    }

    /// <summary>
    /// The demo data has a live award with milestones and reports due and an offer waiting; each
    /// test here makes its own subject, so the demo's awards are closed first to keep their reminders out.
    /// </summary>
    public static Task<int> SettleDemoAwardsAsync(GrantsHubFactory app) =>
        app.WithDbAsync(async db =>
            await db.Awards.Where(a => a.Status == AwardStatus.Active || a.Status == AwardStatus.Offered)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AwardStatus.Completed))
            + await db.PartnershipAgreements.ExecuteUpdateAsync(s => s.SetProperty(a => a.Stage, Domain.Partnerships.AgreementStage.Terminated)));

    /// <summary>A live agreement led by the demo applicant's organisation, due for review and ending on the given UK days.</summary>
    public static async Task<int> AgreementAsync(GrantsHubFactory app, DateOnly reviewOn, DateOnly endsOn)
    {
        await SettleDemoAwardsAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.ApplicantOrganisation);
            var agreement = new Domain.Partnerships.PartnershipAgreement
            {
                Title = "Peer support in libraries", Purpose = "Drop-in peer support in branch libraries.", LeadOrganisationId = organisation.Id,
                StartsOn = reviewOn.AddDays(-300), ReviewOn = reviewOn, EndsOn = endsOn, Stage = Domain.Partnerships.AgreementStage.Active, CreatedAt = app.Clock.GetUtcNow(),
            };
            db.PartnershipAgreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });
    }

    /// <summary>An active award to the demo applicant's organisation with one planned milestone due on <paramref name="due"/> (a UK day).</summary>
    public static async Task<int> MilestoneDueOnAsync(GrantsHubFactory app, DateOnly due)
    {
        var draft = await DraftInRoundClosingAtAsync(app, due.AddDays(-200).ToDateTime(new TimeOnly(12, 0)));
        return await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Round!.Programme).SingleAsync(a => a.Id == draft);
            var award = new Award
            {
                ApplicationId = application.Id, OrganisationId = application.OrganisationId, RoundId = application.RoundId, FunderId = application.Round!.Programme!.FunderId,
                Reference = "AW-2027-000042", Amount = 8_000m, StartDate = due.AddDays(-100), EndDate = due.AddDays(200), Status = AwardStatus.Active,
                Milestones = [new Milestone { Number = 1, Title = "Ten walking groups running", TargetMeasure = "Groups", TargetValue = 10, DueDate = due, Stage = MilestoneStage.Planned }],
            };
            db.Awards.Add(award);
            await db.SaveChangesAsync();
            return award.Milestones[0].Id;
        });
    }

    /// <summary>Assessor 1 has two unscored applications on the panel; assessor 2 has submitted their only one.</summary>
    public static async Task<AssessmentScenario> PanelDueAtAsync(GrantsHubFactory app, DateTime deadlineLocal)
    {
        await SettleDemoAwardsAsync(app);
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 3);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var panel = await db.Panels.SingleAsync(p => p.Id == scenario.PanelId);
            panel.ScoringDeadline = UkTime.FromLocal(deadlineLocal);
            db.Assignments.AddRange(
                new Assignment { ApplicationId = scenario.Applications[0], PanelMemberId = scenario.Member1, AssignedAt = now },
                new Assignment { ApplicationId = scenario.Applications[1], PanelMemberId = scenario.Member1, AssignedAt = now },
                new Assignment { ApplicationId = scenario.Applications[2], PanelMemberId = scenario.Member2, AssignedAt = now, Score = new Score { Status = ScoreStatus.Submitted, UpdatedAt = now, SubmittedAt = now } });
            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    public static Task<int> RunAsync<TJob>(GrantsHubFactory app) where TJob : notnull =>
        app.WithServiceAsync<TJob, int>(job => job switch
        {
            RoundClosingReminderJob j => j.RunAsync(CancellationToken.None),
            ScoringReminderJob j => j.RunAsync(CancellationToken.None),
            ScoringOverdueReminderJob j => j.RunAsync(CancellationToken.None),
            MilestoneDueReminderJob j => j.RunAsync(CancellationToken.None),
            MilestoneOverdueReminderJob j => j.RunAsync(CancellationToken.None),
            OfferAcceptanceReminderJob j => j.RunAsync(CancellationToken.None),
            MonitoringReportDueReminderJob j => j.RunAsync(CancellationToken.None),
            MonitoringReportOverdueReminderJob j => j.RunAsync(CancellationToken.None),
            AgreementReviewReminderJob j => j.RunAsync(CancellationToken.None),
            AgreementExpiryReminderJob j => j.RunAsync(CancellationToken.None),
            EmailDispatchJob j => j.RunAsync(CancellationToken.None),
            _ => throw new ArgumentException($"No way to run {typeof(TJob).Name}"),
        });

    /// <summary>Every reminder job, then the dispatcher, as the recurring schedule would run them.</summary>
    public static async Task RunEveryJobAsync(GrantsHubFactory app)
    {
        await RunAsync<RoundClosingReminderJob>(app);
        await RunAsync<ScoringReminderJob>(app);
        await RunAsync<ScoringOverdueReminderJob>(app);
        await RunAsync<MilestoneDueReminderJob>(app);
        await RunAsync<MilestoneOverdueReminderJob>(app);
        await RunAsync<OfferAcceptanceReminderJob>(app);
        await RunAsync<MonitoringReportDueReminderJob>(app);
        await RunAsync<MonitoringReportOverdueReminderJob>(app);
        await RunAsync<AgreementReviewReminderJob>(app);
        await RunAsync<AgreementExpiryReminderJob>(app);
        await RunAsync<EmailDispatchJob>(app);
    }

    public static Task<List<OutboxMessage>> RemindersAsync(GrantsHubFactory app, string kind) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync());

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
