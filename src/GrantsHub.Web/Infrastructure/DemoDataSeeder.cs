using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Auditing;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Fills an empty database with a small, believable instance: one council funder, a programme with
/// an open and a closed round, six organisations in different areas, and the demo accounts listed
/// in the README; last year's archived pilot round made awards to three of the organisations, two
/// of which lead partnership agreements linked to those awards. Deprivation deciles here are illustrative.
/// </summary>
public sealed class DemoDataSeeder(GrantsHubDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IFileStore files, ILogger<DemoDataSeeder> logger)
{
    public const string Password = "Demo-pass-2026!";
    public const string FunderEmail = "funder@grantshub.test";
    public const string Assessor1Email = "assessor1@grantshub.test";
    public const string Assessor2Email = "assessor2@grantshub.test";
    public const string ApplicantEmail = "applicant@grantshub.test";
    public const string Applicant2Email = "applicant2@grantshub.test";
    public const string AdminEmail = "admin@grantshub.test";
    public const string FunderName = "Northshire Council";
    public const string ApplicantOrganisation = "Mindful Together CIC";

    public async Task SeedIfEmptyAsync()
    {
        if (await db.Funders.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Areas.AddRange(
            new Area { Code = "E08000021", Name = "Newcastle upon Tyne", Region = "North East", DeprivationDecile = 3 },
            new Area { Code = "E08000022", Name = "North Tyneside", Region = "North East", DeprivationDecile = 5 },
            new Area { Code = "E08000023", Name = "South Tyneside", Region = "North East", DeprivationDecile = 2 },
            new Area { Code = "E08000024", Name = "Sunderland", Region = "North East", DeprivationDecile = 2 },
            new Area { Code = "E06000047", Name = "County Durham", Region = "North East", DeprivationDecile = 3 },
            new Area { Code = "E06000057", Name = "Northumberland", Region = "North East", DeprivationDecile = 6 });

        var funder = new Funder { Name = FunderName, Kind = FunderKind.LocalAuthority, OpenDataPrefix = "360G-northshire", CreatedAt = now };
        var programme = new Programme
        {
            Funder = funder,
            Name = "Community Mental Health Equality Fund",
            Purpose = "Sustainable funding for user-led and community-led groups reaching people with the poorest mental health.",
            TotalBudget = 1_500_000m,
        };
        var today = DateOnly.FromDateTime(UkTime.ToLocal(now));
        programme.Rounds.Add(new Round
        {
            Title = "Equality Fund 2026: Round 1",
            Description = "Our first round, now closed and being assessed.",
            OpensAt = UkTime.FromLocal(today.AddDays(-200).ToDateTime(new TimeOnly(9, 0))),
            ClosesAt = UkTime.FromLocal(today.AddDays(-120).ToDateTime(new TimeOnly(12, 0))),
            Budget = 400_000m,
            MinimumGrant = 5_000m,
            MaximumGrant = 60_000m,
            MaximumDurationMonths = 24,
            Stage = RoundStage.Published,
            RingFences = [new RingFence { Name = "User-led organisations", Percentage = 25m, Qualifier = RingFenceQualifier.UserLed }],
            Criteria =
            [
                new Criterion { Name = "Need and reach", Guidance = "How well the work reaches people facing the triple barrier.", Weight = 50, Order = 1 },
                new Criterion { Name = "Lived experience and leadership", Guidance = "How far people with lived experience lead the work.", Weight = 30, Order = 2 },
                new Criterion { Name = "Value for money", Guidance = "Whether the budget is realistic and proportionate.", Weight = 20, Order = 3 },
            ],
            Sections =
            [
                new FormSection
                {
                    Title = "About your work", Order = 1,
                    Questions =
                    [
                        new Question { Text = "What will you do with this funding?", Type = QuestionType.LongText, Required = true, WordLimit = 300, Order = 1 },
                        new Question { Text = "How many people will you support each year?", Type = QuestionType.Number, Required = true, Order = 2 },
                    ],
                },
            ],
        });
        programme.Rounds.Add(new Round
        {
            Title = "Equality Fund 2026: Round 2",
            Description = """
                Core and project funding of **up to three years** for user-led and community-led
                organisations supporting people facing the triple barrier of unequal mental health.

                A share of the budget is ring-fenced for organisations led by people with lived experience.
                """,
            OpensAt = UkTime.FromLocal(today.AddDays(-21).ToDateTime(new TimeOnly(9, 0))),
            ClosesAt = UkTime.FromLocal(today.AddDays(30).ToDateTime(new TimeOnly(12, 0))),
            Budget = 600_000m,
            MinimumGrant = 5_000m,
            MaximumGrant = 90_000m,
            MaximumDurationMonths = 36,
            Stage = RoundStage.Published,
            AllowedOrganisationTypes = OrganisationTypes.UserLed | OrganisationTypes.CommunityLed,
            MaximumAnnualIncome = 1_000_000m,
            RingFences =
            [
                new RingFence { Name = "Led by people with lived experience", Percentage = 30m, Qualifier = RingFenceQualifier.LedByLivedExperience },
                new RingFence { Name = "Led by racialised communities", Amount = 120_000m, Qualifier = RingFenceQualifier.LedByRacialisedCommunities },
            ],
            Criteria =
            [
                new Criterion { Name = "Need and reach", Guidance = "How well the work reaches people facing the triple barrier.", Weight = 35, Order = 1 },
                new Criterion { Name = "Lived experience and leadership", Guidance = "How far people with lived experience lead and shape the work.", Weight = 25, Order = 2 },
                new Criterion { Name = "Sustainability and partnership", Guidance = "How the work will last and grow with partners.", Weight = 25, Order = 3 },
                new Criterion { Name = "Value for money", Guidance = "Whether the budget is realistic and proportionate.", Weight = 15, Order = 4 },
            ],
            Sections =
            [
                new FormSection
                {
                    Title = "About your work", Order = 1,
                    Questions =
                    [
                        new Question { Text = "What will you do with this funding?", Type = QuestionType.LongText, Required = true, WordLimit = 300, Order = 1, HelpText = "Describe the activities, who will take part and where." },
                        new Question { Text = "Which communities will you reach?", Type = QuestionType.MultipleChoice, Required = true, Order = 2, Options = "Black and minoritised communities\nLGBT+ people\nDisabled people\nPeople on low incomes\nYoung people\nOlder people" },
                        new Question { Text = "How many people will you support each year?", Type = QuestionType.Number, Required = true, Order = 3 },
                    ],
                },
                new FormSection
                {
                    Title = "Your organisation", Order = 2,
                    Questions =
                    [
                        new Question { Text = "Is your organisation led by people with lived experience of mental ill-health?", Type = QuestionType.YesNo, Required = true, Order = 1 },
                        new Question { Text = "When did you start this work?", Type = QuestionType.Date, Required = false, Order = 2 },
                        new Question { Text = "Your latest accounts or a budget", Type = QuestionType.FileUpload, Required = false, Order = 3, HelpText = "PDF, Word, Excel, OpenDocument, CSV or an image, up to 10 MB." },
                    ],
                },
            ],
        });
        db.Programmes.Add(programme);

        var organisations = new[]
        {
            Org(ApplicantOrganisation, LegalForm.CommunityInterestCompany, "E08000021", userLed: true, communityLed: false, livedExperience: true, racialised: false, company: "12345678"),
            Org("Tyne Peer Support Network", LegalForm.RegisteredCharity, "E08000022", userLed: true, communityLed: true, livedExperience: true, racialised: false, charity: "1190001"),
            Org("Sunderland Sisters Wellbeing Circle", LegalForm.UnincorporatedGroup, "E08000024", userLed: false, communityLed: true, livedExperience: false, racialised: true),
            Org("Hearing Voices North East", LegalForm.CharitableIncorporatedOrganisation, "E08000023", userLed: true, communityLed: false, livedExperience: true, racialised: false, charity: "1190002"),
            Org("Durham Men's Shed Collective", LegalForm.CompanyLimitedByGuarantee, "E06000047", userLed: false, communityLed: true, livedExperience: false, racialised: false, company: "09876543"),
            Org("South Tyneside Black and Minority Ethnic Wellbeing Forum", LegalForm.RegisteredCharity, "E08000023", userLed: false, communityLed: true, livedExperience: false, racialised: true, charity: "1190003"),
        };
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();

        await CreateUserAsync(FunderEmail, "Priya Shah", Roles.FunderAdmin, funder.Id);
        await CreateUserAsync(Assessor1Email, "Tom Okafor", Roles.Assessor);
        await CreateUserAsync(Assessor2Email, "Helen Marsh", Roles.Assessor);
        await CreateUserAsync(AdminEmail, "Platform Administrator", Roles.PlatformAdmin);
        var applicant = await CreateUserAsync(ApplicantEmail, "Sam Rivers", Roles.Applicant);
        var applicant2 = await CreateUserAsync(Applicant2Email, "Jo Bell", Roles.Applicant);
        db.OrganisationMembers.AddRange(
            new OrganisationMember { OrganisationId = organisations[0].Id, UserId = applicant.Id, Role = MemberRole.Owner, JoinedAt = now },
            new OrganisationMember { OrganisationId = organisations[1].Id, UserId = applicant2.Id, Role = MemberRole.Owner, JoinedAt = now });
        // So the organisation's history page has a first entry in the demo.
        db.AuditEntries.AddRange(organisations[..2].Zip(new[] { applicant, applicant2 }, (o, u) => new Domain.Auditing.AuditEntry
        {
            At = now, ActorUserId = u.Id, ActorName = u.DisplayName, Kind = Auditing.AuditKinds.OrganisationRegistered,
            Summary = $"{o.Name} registered by {u.DisplayName}", OrganisationId = o.Id,
        }));
        await db.SaveChangesAsync();
        await SeedAssessmentAsync(programme.Rounds[0], organisations, now);
        await SeedAwardsAsync(programme, organisations[0], applicant.Id, users.Users.Single(u => u.Email == FunderEmail).Id, now);
        await SeedPartnershipsAsync(programme, organisations, applicant.Id, now);
        await SeedEqualityHistoryAsync(programme, now);
        logger.LogInformation("Seeded the demo data: {Funder}, {Organisations} organisations and the demo accounts", FunderName, 6);

        Organisation Org(string name, LegalForm form, string area, bool userLed, bool communityLed, bool livedExperience, bool racialised, string? charity = null, string? company = null) => new()
        {
            Name = name,
            LegalForm = form,
            LocalAuthorityCode = area,
            IsUserLed = userLed,
            IsCommunityLed = communityLed,
            LedByLivedExperience = livedExperience,
            LedByRacialisedCommunities = racialised,
            CharityNumber = charity,
            CompanyNumber = company,
            IncomeBand = IncomeBand.From10kTo50k,
            CreatedAt = now,
        };
    }

    /// <summary>The closed round has four submitted applications and a panel both demo assessors have joined; they declare conflicts next.</summary>
    private async Task SeedAssessmentAsync(Round round, Organisation[] organisations, DateTimeOffset now)
    {
        var questions = round.Sections[0].Questions;
        var projects = new (int Org, string Title, decimal Amount, string Plan, string People)[]
        {
            (0, "Peer-led wellbeing walks", 24_000m, "Weekly peer-led walks and a drop-in café run by people with lived experience.", "180"),
            (2, "Sisters' circle for new mothers", 18_500m, "A fortnightly circle for Black and minoritised mothers facing postnatal depression.", "60"),
            (3, "Hearing voices groups in South Tyneside", 36_000m, "Two new hearing voices groups and training for group facilitators.", "90"),
            (4, "Men's shed mental health mornings", 12_000m, "Monthly mornings with a counsellor at the shed, and a buddy scheme.", "120"),
        };
        var applications = projects.Select((p, i) => new GrantApplication
        {
            RoundId = round.Id, OrganisationId = organisations[p.Org].Id, ProjectTitle = p.Title, AmountRequested = p.Amount, DurationMonths = 12,
            Status = ApplicationStatus.Submitted, CreatedAt = round.ClosesAt.AddDays(-10), UpdatedAt = round.ClosesAt.AddDays(-2 - i),
            SubmittedAt = round.ClosesAt.AddDays(-2 - i),
            Answers =
            [
                new Answer { QuestionId = questions[0].Id, Value = p.Plan, UpdatedAt = round.ClosesAt.AddDays(-2 - i) },
                new Answer { QuestionId = questions[1].Id, Value = p.People, UpdatedAt = round.ClosesAt.AddDays(-2 - i) },
            ],
        }).ToList();
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        foreach (var application in applications)
        {
            application.Reference = GrantApplication.ReferenceFor(application.Id, application.SubmittedAt!.Value);
        }

        var panel = new Panel { RoundId = round.Id, ScoringDeadline = UkTime.FromLocal(DateOnly.FromDateTime(UkTime.ToLocal(now)).AddDays(21).ToDateTime(new TimeOnly(17, 0))) };
        foreach (var email in new[] { Assessor1Email, Assessor2Email })
        {
            var user = await users.FindByEmailAsync(email);
            panel.Members.Add(new PanelMember { InvitedEmail = email, InvitationTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())), InvitedAt = now, UserId = user!.Id, AcceptedAt = now });
        }

        db.Panels.Add(panel);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Two decided rounds from last year: from the pilot, Mindful Together holds a live award part-way
    /// through (one milestone approved and paid, one due soon, one overdue, reports on schedule); from
    /// the small-grants round it has a new offer waiting to be accepted.
    /// </summary>
    private async Task SeedAwardsAsync(Programme programme, Organisation organisation, string applicantId, string funderUserId, DateTimeOffset now)
    {
        var today = UkTime.Today(now);
        var pilot = new Round
        {
            ProgrammeId = programme.Id, Title = "Equality Fund 2025: Pilot round", Stage = RoundStage.Decided, Budget = 150_000m,
            MinimumGrant = 5_000m, MaximumGrant = 40_000m, MaximumDurationMonths = 24,
            OpensAt = UkTime.FromLocal(today.AddMonths(-14).ToDateTime(new TimeOnly(9, 0))),
            ClosesAt = UkTime.FromLocal(today.AddMonths(-12).ToDateTime(new TimeOnly(12, 0))),
        };
        // One application per organisation per round, so the new offer comes from a later small-grants round.
        var smallGrants = new Round
        {
            ProgrammeId = programme.Id, Title = "Equality Fund 2025: Small grants round", Stage = RoundStage.Decided, Budget = 60_000m,
            MinimumGrant = 2_000m, MaximumGrant = 15_000m, MaximumDurationMonths = 12,
            OpensAt = UkTime.FromLocal(today.AddDays(-270).ToDateTime(new TimeOnly(9, 0))),
            ClosesAt = UkTime.FromLocal(today.AddDays(-230).ToDateTime(new TimeOnly(12, 0))),
        };
        db.Rounds.AddRange(pilot, smallGrants);
        await db.SaveChangesAsync();

        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-10);
        var live = await ApprovedAsync(pilot, "Peer support phone line", 30_000m, 24);
        var award = new Award
        {
            ApplicationId = live.Id, OrganisationId = organisation.Id, RoundId = pilot.Id, FunderId = programme.FunderId,
            Reference = Award.ReferenceFor(live.Id, start), Amount = 30_000m, StartDate = start, EndDate = start.AddMonths(24).AddDays(-1),
            Status = AwardStatus.Active, Conditions = Features.Awards.AwardFromDecision.StandardConditions, CreatedAt = now.AddMonths(-11),
            OfferedAt = now.AddMonths(-11), OfferedByUserId = funderUserId, RespondBy = start, AcceptedAt = now.AddMonths(-11).AddDays(3),
            AcceptedByName = "Sam Rivers", AcceptedByPosition = "Director", AcceptedByUserId = applicantId,
        };
        var open = new Milestone
        {
            Number = 1, Title = "Phone line open five evenings a week", DueDate = start.AddMonths(2), TargetMeasure = "Evenings open each week", TargetValue = 5,
            Stage = MilestoneStage.Approved, ActualValue = 5, ApprovedAt = now.AddMonths(-8),
            Evidence =
            [
                new MilestoneEvidence
                {
                    Narrative = "The line opened on schedule, staffed by twelve trained peer volunteers, Monday to Friday 6pm to 10pm.", ActualValue = 5,
                    SubmittedAt = now.AddMonths(-8).AddDays(-5), SubmittedByUserId = applicantId, Outcome = ReviewOutcome.Approved,
                    ReviewedAt = now.AddMonths(-8), ReviewedByUserId = funderUserId, ReviewComment = "Thank you: a strong start.",
                },
            ],
        };
        var supported = new Milestone
        {
            Number = 2, Title = "200 callers supported", Description = "Unique callers who had at least one full support call.",
            DueDate = today.AddDays(10), TargetMeasure = "People supported", TargetValue = 200, Stage = MilestoneStage.InProgress,
        };
        var trained = new Milestone
        {
            Number = 3, Title = "Second volunteer team trained", DueDate = today.AddDays(-14), TargetMeasure = "Volunteers trained", TargetValue = 10,
            Stage = MilestoneStage.Planned,
        };
        award.Milestones.AddRange([open, supported, trained]);
        db.Awards.Add(award);
        await db.SaveChangesAsync();

        award.Tranches.AddRange(
        [
            Paid(new AwardTranche { Number = 1, Amount = 10_000m, PlannedDate = start }, start, "BACS-2025-0412"),
            Paid(new AwardTranche { Number = 2, Amount = 10_000m, PlannedDate = open.DueDate, MilestoneId = open.Id }, open.DueDate.AddDays(9), "BACS-2025-0733"),
            new AwardTranche { Number = 3, Amount = 5_000m, PlannedDate = supported.DueDate.AddDays(14), MilestoneId = supported.Id },
            new AwardTranche { Number = 4, Amount = 5_000m, PlannedDate = trained.DueDate.AddDays(14), MilestoneId = trained.Id },
        ]);
        foreach (var report in ReportRules.Schedule(award.StartDate, award.EndDate, 6))
        {
            if (report.PeriodEnd < today)
            {
                report.Stage = report.Number == 1 ? ReportStage.Accepted : ReportStage.Submitted;
                report.PeopleReached = 140 * report.Number;
                report.Narrative = "Calls grew steadily; evenings before bank holidays are the busiest. Two volunteers left and were replaced.";
                report.SubmittedAt = UkTime.FromLocal(report.PeriodEnd.AddDays(20).ToDateTime(new TimeOnly(11, 0)));
                report.SubmittedByUserId = applicantId;
                report.Outcomes =
                [
                    new ReportOutcome { DeiCode = "DEI020200", Count = 120 * report.Number },
                    new ReportOutcome { DeiCode = "DEI040000", Count = 35 * report.Number },
                ];
            }

            award.Reports.Add(report);
        }

        var cafe = await ApprovedAsync(smallGrants, "Wellbeing café in Byker", 15_000m, 12);
        var offerStart = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var offer = new Award
        {
            ApplicationId = cafe.Id, OrganisationId = organisation.Id, RoundId = smallGrants.Id, FunderId = programme.FunderId,
            Reference = Award.ReferenceFor(cafe.Id, offerStart), Amount = 15_000m, StartDate = offerStart, EndDate = offerStart.AddMonths(12).AddDays(-1),
            Status = AwardStatus.Offered, Conditions = Features.Awards.AwardFromDecision.StandardConditions, CreatedAt = now.AddDays(-3),
            OfferedAt = now.AddDays(-2), OfferedByUserId = funderUserId, RespondBy = today.AddDays(21),
            Milestones = [new Milestone { Number = 1, Title = "Café open three days a week", DueDate = offerStart.AddMonths(3), TargetMeasure = "Days open each week", TargetValue = 3 }],
            Reports = ReportRules.Schedule(offerStart, offerStart.AddMonths(12).AddDays(-1), 6).ToList(),
        };
        db.Awards.Add(offer);
        await db.SaveChangesAsync();
        offer.Tranches.AddRange(
        [
            new AwardTranche { Number = 1, Amount = 7_500m, PlannedDate = offerStart },
            new AwardTranche { Number = 2, Amount = 7_500m, PlannedDate = offer.Milestones[0].DueDate.AddDays(14), MilestoneId = offer.Milestones[0].Id },
        ]);
        await db.SaveChangesAsync();

        async Task<GrantApplication> ApprovedAsync(Round round, string title, decimal amount, int months)
        {
            var submitted = round.ClosesAt.AddDays(-3);
            var application = new GrantApplication
            {
                RoundId = round.Id, OrganisationId = organisation.Id, ProjectTitle = title, AmountRequested = amount, DurationMonths = months,
                Status = ApplicationStatus.Approved, CreatedAt = submitted.AddDays(-7), UpdatedAt = submitted, SubmittedAt = submitted, SubmittedByUserId = applicantId,
                CreatedByUserId = applicantId,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            application.Reference = GrantApplication.ReferenceFor(application.Id, submitted);
            db.Decisions.Add(new Decision
            {
                ApplicationId = application.Id, Outcome = DecisionOutcome.Approved, Amount = amount, Feedback = "A clear plan led by people with lived experience.",
                DecidedAt = round.ClosesAt.AddMonths(1), DecidedByUserId = funderUserId, NotifiedAt = round.ClosesAt.AddMonths(1),
            });
            return application;
        }

        AwardTranche Paid(AwardTranche tranche, DateOnly paidOn, string reference)
        {
            tranche.Status = TrancheStatus.Paid;
            tranche.Payment = new Payment
            {
                AwardId = award.Id, Amount = tranche.Amount, PaidOn = paidOn, Reference = reference, RecordedByUserId = funderUserId,
                RecordedAt = UkTime.FromLocal(paidOn.ToDateTime(new TimeOnly(10, 0))),
            };
            return tranche;
        }
    }

    /// <summary>
    /// Last year's spring round, archived, funded three organisations; two of them lead agreements
    /// (one with an NHS body and a second organisation), so the funder's partnership map shows both
    /// partnerships and gaps.
    /// </summary>
    private async Task SeedPartnershipsAsync(Programme programme, Organisation[] organisations, string applicantUserId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(now));
        var pilot = new Round
        {
            ProgrammeId = programme.Id,
            Title = "Equality Fund 2025: Spring round",
            Description = "Decided and archived.",
            OpensAt = now.AddDays(-420),
            ClosesAt = now.AddDays(-360),
            Budget = 150_000m,
            MinimumGrant = 5_000m,
            MaximumGrant = 50_000m,
            MaximumDurationMonths = 24,
            Stage = RoundStage.Archived,
        };
        db.Rounds.Add(pilot);
        await db.SaveChangesAsync();
        var outcomes = new (int Org, string Title, decimal Amount, DecisionOutcome Outcome)[]
        {
            (0, "Peer support in GP waiting rooms", 30_000m, DecisionOutcome.Approved),
            (3, "Hearing voices groups for young people", 25_000m, DecisionOutcome.Approved),
            (4, "The shed's listening bench", 8_000m, DecisionOutcome.Approved),
            (2, "Sisters' circle pilot", 12_000m, DecisionOutcome.Declined),
        };
        var funderUserId = (await users.FindByEmailAsync(FunderEmail))!.Id;
        var awards = new Dictionary<int, Award>();
        foreach (var (org, title, amount, outcome) in outcomes)
        {
            var application = new GrantApplication
            {
                RoundId = pilot.Id, OrganisationId = organisations[org].Id, ProjectTitle = title, AmountRequested = amount, DurationMonths = 24,
                Status = outcome == DecisionOutcome.Approved ? ApplicationStatus.Approved : ApplicationStatus.Declined,
                CreatedAt = pilot.ClosesAt.AddDays(-20), UpdatedAt = pilot.ClosesAt.AddDays(-5), SubmittedAt = pilot.ClosesAt.AddDays(-5),
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            application.Reference = GrantApplication.ReferenceFor(application.Id, application.SubmittedAt.Value);
            db.Decisions.Add(new Decision
            {
                ApplicationId = application.Id, Outcome = outcome, Amount = outcome == DecisionOutcome.Approved ? amount : null,
                Feedback = outcome == DecisionOutcome.Approved ? "A strong, well-evidenced pilot." : "A promising idea; the budget was not yet clear.",
                DecidedAt = pilot.ClosesAt.AddDays(30), DecidedByUserId = funderUserId,
                NotifiedAt = pilot.ClosesAt.AddDays(31), Revision = 1,
            });
            if (outcome == DecisionOutcome.Approved)
            {
                var start = today.AddMonths(-9);
                awards[org] = new Award
                {
                    ApplicationId = application.Id, OrganisationId = application.OrganisationId, RoundId = pilot.Id, FunderId = programme.FunderId,
                    Reference = Award.ReferenceFor(application.Id, start), Amount = amount, StartDate = start, EndDate = start.AddMonths(24).AddDays(-1),
                    Status = AwardStatus.Active, Conditions = "Report every six months.", CreatedAt = pilot.ClosesAt.AddDays(30),
                    OfferedAt = pilot.ClosesAt.AddDays(31), AcceptedAt = pilot.ClosesAt.AddDays(40), AcceptedByName = "Demo signatory",
                };
                db.Awards.Add(awards[org]);
            }
        }

        await db.SaveChangesAsync();

        var signedCopy = FileStoreOptions.NewKey();
        await files.SaveAsync(signedCopy, "%PDF-1.7\n% Signed partnership agreement (demo)\n%%EOF\n"u8.ToArray());
        var agreements = new[]
        {
            new PartnershipAgreement
            {
                Title = "Peer support pathway with primary care",
                Purpose = "Peer supporters from Mindful Together and Tyne Peer Support Network take referrals from GP practices, with the ICB's mental health team as clinical lead.",
                LeadOrganisationId = organisations[0].Id, StartsOn = today.AddMonths(-6), EndsOn = today.AddMonths(18), ReviewOn = today.AddMonths(6),
                RenewalTerms = "Renewed for a further year if all partners agree at the annual review.",
                Stage = AgreementStage.Active, CreatedAt = now.AddDays(-190), CreatedByUserId = applicantUserId,
                SignedDocumentName = "Peer support pathway - signed.pdf", SignedDocumentContentType = "application/pdf", SignedDocumentKey = signedCopy, SignedDocumentUploadedAt = now.AddDays(-185),
                Awards = [new AgreementAward { AwardId = awards[0].Id }],
                Parties =
                [
                    new AgreementParty { OrganisationId = organisations[1].Id, Role = "Delivery partner", Responsibilities = "Runs two peer support sessions a week in North Tyneside." },
                    new AgreementParty
                    {
                        ExternalKind = ExternalBodyKind.IntegratedCareBoard, ExternalName = "North East and North Cumbria ICB", ContactName = "Dr Amara Bello",
                        ContactEmail = "amara.bello@nhs.example", Role = "Clinical lead", Responsibilities = "Clinical supervision and referral routes from GP practices.",
                    },
                ],
            },
            new PartnershipAgreement
            {
                Title = "Young people's hearing voices groups in schools",
                Purpose = "Hearing voices groups for young people, hosted by schools and supported by the council's early help team.",
                LeadOrganisationId = organisations[3].Id, StartsOn = today.AddMonths(-1), EndsOn = today.AddMonths(23), ReviewOn = today.AddMonths(11),
                Stage = AgreementStage.Signed, CreatedAt = now.AddDays(-40),
                Awards = [new AgreementAward { AwardId = awards[3].Id }],
                Parties =
                [
                    new AgreementParty { ExternalKind = ExternalBodyKind.LocalAuthority, ExternalName = "South Tyneside Council", ContactName = "Early Help Team", ContactEmail = "earlyhelp@southtyneside.example", Role = "Host and referrer" },
                    new AgreementParty { OrganisationId = organisations[5].Id, Role = "Community outreach", Responsibilities = "Reaches Black and minoritised families." },
                ],
            },
            new PartnershipAgreement
            {
                Title = "Wellbeing walks with the mosque",
                Purpose = "Walks starting from the mosque for men who would not come to a clinic.",
                LeadOrganisationId = organisations[0].Id, StartsOn = today.AddMonths(-18), EndsOn = today.AddMonths(-2),
                Stage = AgreementStage.Active, CreatedAt = now.AddDays(-560), CreatedByUserId = applicantUserId,
                Awards = [new AgreementAward { AwardId = awards[0].Id }],
                Parties = [new AgreementParty { ExternalKind = ExternalBodyKind.FaithGroup, ExternalName = "Newcastle Central Mosque", ContactName = "Imran Hussain", Role = "Venue and outreach" }],
            },
        };
        db.PartnershipAgreements.AddRange(agreements);
        await db.SaveChangesAsync();
        db.AuditEntries.AddRange(agreements.Select(a => new AuditEntry
        {
            At = a.CreatedAt, ActorName = "System", Kind = "partnership.created", Summary = $"{a.Title}: Agreement recorded",
            OrganisationId = a.LeadOrganisationId, EntityType = Features.Partnerships.AgreementHandler.EntityType, EntityId = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Two decided past rounds for the demo funder and one each for three other funders, with community
    /// organisations that have no demo members, so the equality dashboard, the benchmark and the open data
    /// show real figures without touching the organisations and rounds the demo journeys use.
    /// </summary>
    private async Task SeedEqualityHistoryAsync(Programme programme, DateTimeOffset now)
    {
        var random = new Random(2026); // fixed seed: the same demo every time
        string[] areas = ["E08000021", "E08000022", "E08000023", "E08000024", "E06000047", "E06000057"];
        string[] places = ["Byker", "Walker", "Jarrow", "Hebburn", "Seaham", "Blyth", "Wallsend", "Gateshead", "Hendon", "Ashington", "Consett", "Shields", "Felling", "Roker", "Benwell", "Elswick", "Peterlee", "Cramlington"];
        string[] kinds = ["Wellbeing Collective", "Peer Support Group", "Community Hub", "Recovery Network", "Women's Circle", "Youth Voice"];
        string[] codes = ["DEI010100", "DEI010300", "DEI020200", "DEI020330", "DEI040000", "DEI050200", "DEI020000"];
        var forms = Enum.GetValues<LegalForm>();
        var organisations = places.Select((place, i) =>
        {
            var form = forms[i % forms.Length];
            var organisation = new Organisation
            {
                Name = $"{place} {kinds[i % kinds.Length]}", LegalForm = form, LocalAuthorityCode = areas[random.Next(areas.Length)],
                IsUserLed = random.Next(2) == 0, IsCommunityLed = random.Next(3) > 0, LedByLivedExperience = random.Next(2) == 0, LedByRacialisedCommunities = random.Next(4) == 0,
                CharityNumber = form is LegalForm.RegisteredCharity or LegalForm.CharitableIncorporatedOrganisation ? (1_180_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                CompanyNumber = form is LegalForm.CommunityInterestCompany or LegalForm.CompanyLimitedByGuarantee ? (11_000_000 + i).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) : null,
                IncomeBand = IncomeBand.From10kTo50k, PublishEqualityData = i % 4 != 3, CreatedAt = now.AddYears(-3),
            };
            organisation.DeiCodes.Add(new OrganisationDeiCode { Code = codes[random.Next(codes.Length)], Kind = DeiCodeKind.CommunityServed });
            organisation.DeiCodes.Add(new OrganisationDeiCode { Code = codes[random.Next(codes.Length)], Kind = DeiCodeKind.Leadership });
            return organisation;
        }).ToList();
        db.Organisations.AddRange(organisations);

        var others = new[] { ("Tyneside Integrated Care Board", FunderKind.NhsBody, "360G-tynesideicb"), ("Wearside Community Foundation", FunderKind.CharitableTrust, "360G-wearsidecf"), ("Durham Health Trust", FunderKind.NhsBody, "360G-durhamht") }
            .Select(f => new Programme { Funder = new Funder { Name = f.Item1, Kind = f.Item2, OpenDataPrefix = f.Item3, CreatedAt = now.AddYears(-2) }, Name = $"{f.Item1} Wellbeing Grants", TotalBudget = 500_000m })
            .ToList();
        db.Programmes.AddRange(others);
        var rounds = new List<(Round Round, int Applications)>
        {
            (PastRound(programme, "Equality Fund 2024", now.AddYears(-2), 25), 16),
            (PastRound(programme, "Equality Fund 2025", now.AddYears(-1), 30), 18),
        };
        rounds.AddRange(others.Select(p => (PastRound(p, $"{p.Name} 2025", now.AddMonths(-10), 20), 12)));
        await db.SaveChangesAsync();

        var decider = await db.Users.Where(u => u.Email == FunderEmail).Select(u => u.Id).SingleAsync();
        var funderOf = others.Append(programme).ToDictionary(p => p.Id, p => p.FunderId);
        foreach (var (round, count) in rounds)
        {
            var chosen = organisations.OrderBy(_ => random.Next()).Take(count).ToList();
            var applications = chosen.Select(o => new GrantApplication
            {
                RoundId = round.Id, OrganisationId = o.Id, ProjectTitle = $"{o.Name}: {(random.Next(2) == 0 ? "peer support sessions" : "wellbeing outreach")}",
                AmountRequested = 5_000m * random.Next(2, 10), DurationMonths = 12 * random.Next(1, 3), Status = ApplicationStatus.Submitted,
                CreatedAt = round.ClosesAt.AddDays(-14), UpdatedAt = round.ClosesAt.AddDays(-1), SubmittedAt = round.ClosesAt.AddDays(-1),
            }).ToList();
            db.Applications.AddRange(applications);
            await db.SaveChangesAsync();
            foreach (var application in applications)
            {
                var organisation = chosen.Single(o => o.Id == application.OrganisationId);
                application.Reference = GrantApplication.ReferenceFor(application.Id, application.SubmittedAt!.Value);
                var score = random.Next(35, 90) + (organisation.IsUserLed ? 5 : 0);
                var approved = score >= 60;
                application.Status = approved ? ApplicationStatus.Approved : ApplicationStatus.Declined;
                var decidedAt = round.ClosesAt.AddDays(40);
                db.Moderations.Add(new Moderation { ApplicationId = application.Id, ModeratedScore = score, Rationale = "Agreed at the panel meeting.", ModeratedAt = decidedAt.AddDays(-5), ModeratedByUserId = decider });
                db.Decisions.Add(new Decision
                {
                    ApplicationId = application.Id, Outcome = approved ? DecisionOutcome.Approved : DecisionOutcome.Declined, Amount = approved ? application.AmountRequested : null,
                    Feedback = approved ? "We are pleased to fund this work." : "We could not fund this work this time.", DecidedAt = decidedAt, DecidedByUserId = decider, NotifiedAt = decidedAt,
                });
                if (approved)
                {
                    db.Awards.Add(PastAward(application, round, organisation, decidedAt));
                }
            }

            await db.SaveChangesAsync();
        }

        Award PastAward(GrantApplication application, Round round, Organisation organisation, DateTimeOffset decidedAt)
        {
            var start = DateOnly.FromDateTime(UkTime.ToLocal(decidedAt)).AddDays(20);
            var award = new Award
            {
                ApplicationId = application.Id, OrganisationId = organisation.Id, RoundId = round.Id, FunderId = funderOf[round.ProgrammeId],
                Reference = Award.ReferenceFor(application.Id, start), Amount = application.AmountRequested, StartDate = start,
                EndDate = start.AddMonths(application.DurationMonths).AddDays(-1), Status = AwardStatus.Active, CreatedAt = decidedAt,
                OfferedAt = decidedAt.AddDays(2), AcceptedAt = decidedAt.AddDays(9), AcceptedByName = "Chair of trustees",
            };
            for (var number = 1; number <= 2; number++)
            {
                var due = start.AddMonths(4 * number);
                var late = random.Next(4) == 0;
                var approvedOn = due <= DateOnly.FromDateTime(UkTime.ToLocal(now)) ? due.AddDays(late ? 21 : -3) : (DateOnly?)null;
                award.Milestones.Add(new Milestone
                {
                    Number = number, Title = number == 1 ? "Sessions running" : "First people supported", DueDate = due, TargetMeasure = "people supported", TargetValue = 40 * number,
                    Stage = approvedOn is null ? MilestoneStage.InProgress : MilestoneStage.Approved,
                    ApprovedAt = approvedOn is { } on ? UkTime.FromLocal(on.ToDateTime(new TimeOnly(12, 0))) : null, ActualValue = approvedOn is null ? null : 40 * number,
                });
            }

            var report = new MonitoringReport
            {
                Number = 1, Title = "First six months", PeriodStart = start, PeriodEnd = start.AddMonths(6).AddDays(-1), DueDate = start.AddMonths(6).AddDays(29),
                Stage = ReportStage.Accepted, PeopleReached = 0, Narrative = "The sessions are running and well attended.",
            };
            foreach (var code in organisation.DeiCodes.Select(c => c.Code).Distinct())
            {
                var count = random.Next(10, 80);
                report.Outcomes.Add(new ReportOutcome { DeiCode = code, Count = count });
                report.PeopleReached += count;
            }

            award.Reports.Add(report);
            return award;
        }

        Round PastRound(Programme owner, string title, DateTimeOffset closes, decimal percentUserLed)
        {
            var round = new Round
            {
                Title = title, Description = "A past round, decided.", OpensAt = closes.AddDays(-60), ClosesAt = closes, Budget = 250_000m, MinimumGrant = 5_000m, MaximumGrant = 50_000m,
                MaximumDurationMonths = 24, Stage = RoundStage.Decided,
                RingFences = [new RingFence { Name = "User-led organisations", Percentage = percentUserLed, Qualifier = RingFenceQualifier.UserLed }],
            };
            owner.Rounds.Add(round);
            return round;
        }
    }

    private async Task<ApplicationUser> CreateUserAsync(string email, string name, string role, int? funderId = null)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            FunderId = funderId,
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
