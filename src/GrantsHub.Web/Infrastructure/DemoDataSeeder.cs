using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Fills an empty database with a small, believable instance: one council funder, a programme with
/// an open and a closed round, six organisations in different areas, and the demo accounts listed
/// in the README. Deprivation deciles here are illustrative.
/// </summary>
public sealed class DemoDataSeeder(GrantsHubDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoDataSeeder> logger)
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
        await db.SaveChangesAsync();
        await SeedAssessmentAsync(programme.Rounds[0], organisations, now);
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
