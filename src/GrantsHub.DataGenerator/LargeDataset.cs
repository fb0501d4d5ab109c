using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.DataGenerator;

/// <summary>
/// A large, believable GrantsHub instance, the same every time for the same seed: 20 funders with
/// five rounds each at scale 1 (three decided, one in assessment, one open), 5,000 organisations
/// spread over 150 areas, 20,000 applications with answers, about 60,000 submitted scores, about
/// 5,000 awards and 3,000 partnership agreements. Funders differ in size: the first, a regional funder,
/// takes about three times the average share of applications and the last ones about a third of it.
/// Every generated account signs in with <see cref="Password"/>.
/// </summary>
public sealed partial class LargeDataset(GrantsHubDbContext db, int seed, double scale, DateTimeOffset now, TextWriter log)
{
    public const string Password = "Demo-pass-2026!";
    public const string EmailDomain = "large.grantshub.test";
    public const int Funders = 20;
    public const int RoundsPerFunderAtFullScale = 5;
    public const int AssessorsPerFunder = 12;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _counts = [];
    private string _passwordHash = "";
    private readonly Dictionary<string, string> _roleIds = [];
    private readonly Dictionary<int, int> _applicationsPerOrganisation = [];
    private readonly List<(int OrganisationId, string Email)> _organisationEmails = [];
    private (int RoundId, int Applications) _largestDecidedRoundOfFirstFunder;
    private int _firstFunderId;

    /// <summary>
    /// Where the benchmark should look: the first funder, its largest decided round, and the busiest organisation that
    /// funder funds, with one of its awards from that funder and the active partnership agreement it leads on it.
    /// </summary>
    public BenchmarkTargets Targets()
    {
        var organisation = _targetAward?.OrganisationId ?? _applicationsPerOrganisation.MaxBy(p => p.Value).Key;
        return new BenchmarkTargets(FunderAdminEmail(1), _firstFunderId, _largestDecidedRoundOfFirstFunder.RoundId,
            _organisationEmails.First(o => o.OrganisationId == organisation).Email, Password, organisation, _targetAward?.Id, _targetAward is null ? null : _targetAgreementId);
    }

    public static string FunderAdminEmail(int funder) => string.Create(CultureInfo.InvariantCulture, $"funder{funder:D2}@{EmailDomain}");

    public static string OrganisationEmail(int organisation) => string.Create(CultureInfo.InvariantCulture, $"org{organisation:D5}@{EmailDomain}");

    public static string AssessorEmail(int funder, int assessor) => string.Create(CultureInfo.InvariantCulture, $"assessor{funder:D2}-{assessor:D2}@{EmailDomain}");

    public async Task<IReadOnlyList<(string What, int Count)>> GenerateAsync()
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        _passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        await EnsureRolesAsync();

        var areas = await AddAreasAsync();
        var organisations = await AddOrganisationsAsync(areas);
        var funders = await AddFundersAsync();
        var roundCount = Math.Max(Funders * 3, (int)Math.Round(Funders * RoundsPerFunderAtFullScale * scale)); // at least one open, one in assessment and one decided round each
        var averagePerRound = 20_000 * scale / roundCount;
        var weights = FunderWeights();
        for (var r = 0; r < roundCount; r++)
        {
            var funder = funders[r % Funders];
            var position = r / Funders; // 0 = oldest round of this funder
            var roundsOfFunder = (roundCount / Funders) + (r % Funders < roundCount % Funders ? 1 : 0);
            var applicationsPerRound = Math.Max(4, (int)Math.Round(averagePerRound * weights[r % Funders]));
            await AddRoundAsync(funder, position, roundsOfFunder, applicationsPerRound, organisations);
            if ((r + 1) % 10 == 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r + 1} of {roundCount} rounds"));
            }
        }

        await AddPartnershipsAsync(areas, organisations);
        return [.. _counts.Select(c => (c.Key, c.Value))];
    }

    /// <summary>
    /// Each funder's share of the applications, summing to <see cref="Funders"/>: the first is a regional funder
    /// with about three times the average; the others fall steadily to about a third of it.
    /// </summary>
    public static IReadOnlyList<double> FunderWeights()
    {
        const double First = 3.0, Second = 2.2, Last = 0.3;
        var ratio = Math.Pow(Last / Second, 1.0 / (Funders - 2));
        var raw = Enumerable.Range(0, Funders).Select(f => f == 0 ? First : Second * Math.Pow(ratio, f - 1)).ToList();
        var sum = raw.Sum();
        return [.. raw.Select(w => w * Funders / sum)];
    }

    private void Count(string what, int by = 1) => _counts[what] = _counts.GetValueOrDefault(what) + by;

    private async Task SaveAsync()
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            var existing = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Name == role);
            if (existing is null)
            {
                existing = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(existing);
            }

            _roleIds[role] = existing.Id;
        }

        await SaveAsync();
    }

    private ApplicationUser NewUser(string email, string name, string role, int? funderId = null)
    {
        var user = new ApplicationUser
        {
            Id = NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = name,
            FunderId = funderId,
            PasswordHash = _passwordHash,
            SecurityStamp = NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = now.AddDays(-_random.Next(30, 1500)),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _roleIds[role] });
        Count("users");
        return user;
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private async Task<List<Area>> AddAreasAsync()
    {
        var areas = Enumerable.Range(1, 150).Select(i => new Area
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"E09{i:D6}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"{Pick(Words.Places)} {Pick(Words.AreaSuffixes)} {i}"),
            Region = Words.Regions[i % Words.Regions.Length],
            DeprivationDecile = 1 + (i * 7 % 10),
        }).ToList();
        db.Areas.AddRange(areas);
        Count("areas", areas.Count);
        await SaveAsync();
        return areas;
    }

    private async Task<List<(int Id, string UserId)>> AddOrganisationsAsync(List<Area> areas)
    {
        var total = Math.Max(20, (int)Math.Round(5_000 * scale));
        var dei = DeiTaxonomy.All.Where(c => !c.IsGroup).Select(c => c.Code).ToArray();
        var result = new List<(int, string)>(total);
        for (var batch = 0; batch < total; batch += 1000)
        {
            var pending = new List<(Organisation Organisation, ApplicationUser Owner)>();
            for (var i = batch; i < Math.Min(total, batch + 1000); i++)
            {
                var form = (LegalForm)_random.Next(0, 5);
                var organisation = new Organisation
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"{Pick(Words.Places)} {Pick(Words.Causes)} {Pick(Words.Kinds)} {i + 1}"),
                    LegalForm = form,
                    CharityNumber = form is LegalForm.RegisteredCharity or LegalForm.CharitableIncorporatedOrganisation ? (1_100_000 + i).ToString(CultureInfo.InvariantCulture) : null,
                    CompanyNumber = form is LegalForm.CommunityInterestCompany or LegalForm.CompanyLimitedByGuarantee ? (10_000_000 + i).ToString(CultureInfo.InvariantCulture) : null,
                    LocalAuthorityCode = areas[_random.Next(areas.Count)].Code,
                    IncomeBand = (IncomeBand)_random.Next(0, 5),
                    IsUserLed = _random.NextDouble() < 0.4,
                    IsCommunityLed = _random.NextDouble() < 0.6,
                    LedByLivedExperience = _random.NextDouble() < 0.35,
                    LedByRacialisedCommunities = _random.NextDouble() < 0.2,
                    ContactName = Person(),
                    ContactEmail = OrganisationEmail(i + 1),
                    PublishEqualityData = _random.NextDouble() < 0.7,
                    CreatedAt = now.AddDays(-_random.Next(60, 2000)),
                };
                foreach (var code in Enumerable.Range(0, _random.Next(0, 4)).Select(_ => dei[_random.Next(dei.Length)]).Distinct())
                {
                    organisation.DeiCodes.Add(new OrganisationDeiCode { Code = code, Kind = _random.NextDouble() < 0.7 ? DeiCodeKind.CommunityServed : DeiCodeKind.Leadership });
                }

                db.Organisations.Add(organisation);
                var owner = NewUser(OrganisationEmail(i + 1), organisation.ContactName, Roles.Applicant);
                pending.Add((organisation, owner));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            foreach (var (organisation, owner) in pending)
            {
                db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = owner.Id, Role = MemberRole.Owner, JoinedAt = organisation.CreatedAt });
                result.Add((organisation.Id, owner.Id));
                _organisationAreas[organisation.Id] = organisation.LocalAuthorityCode!;
                _organisationEmails.Add((organisation.Id, owner.Email!));
            }

            Count("organisations", pending.Count);
            await SaveAsync();
        }

        return result;
    }

    private sealed record GeneratedFunder(int Id, int ProgrammeId, string AdminUserId, List<string> AssessorUserIds);

    private async Task<List<GeneratedFunder>> AddFundersAsync()
    {
        var created = new List<(Funder Funder, Programme Programme, ApplicationUser Admin, List<ApplicationUser> Assessors)>();
        for (var f = 1; f <= Funders; f++)
        {
            var kind = (FunderKind)(f % 3);
            var place = Words.Places[f % Words.Places.Length];
            var funder = new Funder
            {
                Name = kind switch
                {
                    FunderKind.LocalAuthority => $"{place} Council",
                    FunderKind.NhsBody => $"NHS {place} Integrated Care Board",
                    _ => $"{place} Community Foundation",
                } + string.Create(CultureInfo.InvariantCulture, $" {f}"),
                Kind = kind,
                OpenDataPrefix = string.Create(CultureInfo.InvariantCulture, $"360G-large{f:D2}"),
                CreatedAt = now.AddYears(-5),
            };
            var programme = new Programme
            {
                Funder = funder,
                Name = "Community Mental Health Equality Fund",
                Purpose = "Sustainable funding for user-led and community-led groups.",
                TotalBudget = 5_000_000m,
            };
            db.Programmes.Add(programme);
            created.Add((funder, programme, null!, []));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        var result = new List<GeneratedFunder>();
        for (var i = 0; i < created.Count; i++)
        {
            var (funder, programme, _, _) = created[i];
            var admin = NewUser(FunderAdminEmail(i + 1), Person(), Roles.FunderAdmin, funder.Id);
            NewUser(string.Create(CultureInfo.InvariantCulture, $"viewer{i + 1:D2}@{EmailDomain}"), Person(), Roles.FunderViewer, funder.Id);
            var assessors = Enumerable.Range(1, AssessorsPerFunder).Select(a => NewUser(AssessorEmail(i + 1, a), Person(), Roles.Assessor).Id).ToList();
            result.Add(new GeneratedFunder(funder.Id, programme.Id, admin.Id, assessors));
        }

        Count("funders", created.Count);
        _firstFunderId = result[0].Id;
        await SaveAsync();
        return result;
    }

    private async Task AddRoundAsync(GeneratedFunder funder, int position, int roundsOfFunder, int applicationCount, List<(int Id, string UserId)> organisations)
    {
        // The newest round is open, the one before it is being assessed, the rest are decided.
        var age = roundsOfFunder - 1 - position;
        var stage = age switch { 0 => RoundStage.Published, 1 => RoundStage.InAssessment, _ => RoundStage.Decided };
        var closes = age == 0 ? now.AddDays(_random.Next(5, 40)) : now.AddDays(-60 - ((age - 1) * 240) - _random.Next(0, 30));
        var opens = closes.AddDays(-70);
        var round = new Round
        {
            ProgrammeId = funder.ProgrammeId,
            Title = string.Create(CultureInfo.InvariantCulture, $"Equality Fund {UkYear(closes)}: Round {position + 1}"),
            Description = "Core and project funding for user-led and community-led organisations.",
            OpensAt = opens,
            ClosesAt = closes,
            Budget = 1_500_000m,
            MinimumGrant = 5_000m,
            MaximumGrant = 90_000m,
            MaximumDurationMonths = 36,
            Stage = stage,
            RingFences =
            [
                new RingFence { Name = "Led by people with lived experience", Percentage = 30m, Qualifier = RingFenceQualifier.LedByLivedExperience },
                new RingFence { Name = "User-led organisations", Amount = 250_000m, Qualifier = RingFenceQualifier.UserLed },
            ],
            Criteria =
            [
                new Criterion { Name = "Need and reach", Weight = 40, Order = 1 },
                new Criterion { Name = "Lived experience and leadership", Weight = 35, Order = 2 },
                new Criterion { Name = "Value for money", Weight = 25, Order = 3 },
            ],
            Sections =
            [
                new FormSection
                {
                    Title = "About your work", Order = 1,
                    Questions =
                    [
                        new Question { Text = "What will you do with this funding?", Type = QuestionType.LongText, Required = true, WordLimit = 300, Order = 1 },
                        new Question { Text = "Which communities will you reach?", Type = QuestionType.MultipleChoice, Required = true, Order = 2, Options = string.Join('\n', Words.Communities) },
                        new Question { Text = "How many people will you support each year?", Type = QuestionType.Number, Required = true, Order = 3 },
                    ],
                },
                new FormSection
                {
                    Title = "Your organisation", Order = 2,
                    Questions =
                    [
                        new Question { Text = "Is your organisation led by people with lived experience?", Type = QuestionType.YesNo, Required = true, Order = 1 },
                        new Question { Text = "When did you start this work?", Type = QuestionType.Date, Required = false, Order = 2 },
                        new Question { Text = "Who are your main partners?", Type = QuestionType.ShortText, Required = false, Order = 3 },
                    ],
                },
            ],
        };
        db.Rounds.Add(round);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        Count("rounds");

        var questions = round.Sections.SelectMany(s => s.Questions).OrderBy(q => q.SectionId).ThenBy(q => q.Order).ToList();
        var criteria = round.Criteria;
        var applicants = Enumerable.Range(0, applicationCount).Select(_ => organisations[_random.Next(organisations.Count)]).DistinctBy(o => o.Id).ToList();
        var applications = new List<GrantApplication>(applicants.Count);
        foreach (var (orgId, userId) in applicants)
        {
            var submitted = stage != RoundStage.Published || _random.NextDouble() < 0.5;
            var submittedAt = closes.AddHours(-_random.Next(1, 24 * 30));
            var status = stage switch
            {
                RoundStage.Published => submitted ? ApplicationStatus.Submitted : ApplicationStatus.Draft,
                RoundStage.InAssessment => ApplicationStatus.UnderAssessment,
                _ => _random.NextDouble() < 0.42 ? ApplicationStatus.Approved : ApplicationStatus.Declined,
            };
            var amount = 5_000m + (_random.Next(0, 86) * 1_000m);
            var application = new GrantApplication
            {
                RoundId = round.Id,
                OrganisationId = orgId,
                ProjectTitle = $"{Pick(Words.Activities)} for {Pick(Words.Communities).ToLowerInvariant()}",
                AmountRequested = amount,
                DurationMonths = _random.Next(1, 4) * 12,
                Status = status,
                CreatedAt = submittedAt.AddDays(-_random.Next(1, 30)),
                UpdatedAt = submittedAt,
                SubmittedAt = submitted ? submittedAt : null,
                SubmittedByUserId = submitted ? userId : null,
                CreatedByUserId = userId,
            };
            application.Answers.AddRange(questions.Select(q => new Answer { QuestionId = q.Id, Value = AnswerFor(q), UpdatedAt = application.UpdatedAt }));
            applications.Add(application);
        }

        db.Applications.AddRange(applications);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var application in applications.Where(a => a.SubmittedAt is not null))
        {
            application.Reference = GrantApplication.ReferenceFor(application.Id, application.SubmittedAt!.Value);
        }

        Count("applications", applications.Count);
        foreach (var application in applications)
        {
            _applicationsPerOrganisation[application.OrganisationId] = _applicationsPerOrganisation.GetValueOrDefault(application.OrganisationId) + 1;
        }

        if (funder.Id == _firstFunderId && stage == RoundStage.Decided && applications.Count > _largestDecidedRoundOfFirstFunder.Applications)
        {
            _largestDecidedRoundOfFirstFunder = (round.Id, applications.Count);
        }

        Count("answers", applications.Sum(a => a.Answers.Count));
        if (stage == RoundStage.Published)
        {
            await SaveAsync();
            return;
        }

        // A panel of six of the funder's assessors; each application is scored by three (four once decided).
        var panel = new Panel { RoundId = round.Id, RequiredAssessors = stage == RoundStage.Decided ? 4 : 3, ScoringDeadline = closes.AddDays(stage == RoundStage.Decided ? 30 : 20) };
        var memberUsers = funder.AssessorUserIds.OrderBy(_ => _random.Next()).Take(6).ToList();
        foreach (var userId in memberUsers)
        {
            panel.Members.Add(new PanelMember
            {
                InvitedEmail = userId + "@panel." + EmailDomain,
                InvitationTokenHash = NewGuid().ToString("N") + NewGuid().ToString("N"),
                InvitedAt = closes.AddDays(-10),
                UserId = userId,
                AcceptedAt = closes.AddDays(-9),
            });
        }

        db.Panels.Add(panel);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var application in applications)
        {
            var scorers = panel.Members.OrderBy(_ => _random.Next()).Take(panel.RequiredAssessors).ToList();
            var quality = _random.Next(1, 5);
            foreach (var member in scorers)
            {
                db.ConflictDeclarations.Add(new ConflictDeclaration { PanelMemberId = member.Id, OrganisationId = application.OrganisationId, HasConflict = false, DeclaredAt = closes.AddDays(1) });
                var submittedAt = closes.AddDays(_random.Next(2, 18));
                db.Assignments.Add(new Assignment
                {
                    ApplicationId = application.Id,
                    PanelMemberId = member.Id,
                    AssignedAt = closes.AddDays(1),
                    Score = new Score
                    {
                        Status = ScoreStatus.Submitted,
                        UpdatedAt = submittedAt,
                        SubmittedAt = submittedAt,
                        Criteria = [.. criteria.Select(c => new CriterionScore { CriterionId = c.Id, Value = Math.Clamp(quality + _random.Next(-1, 2), 0, 4), Comment = Pick(Words.Comments) })],
                    },
                });
                Count("scores");
            }

            if (stage == RoundStage.Decided)
            {
                var approved = application.Status == ApplicationStatus.Approved;
                db.Decisions.Add(new Decision
                {
                    ApplicationId = application.Id,
                    Outcome = approved ? DecisionOutcome.Approved : DecisionOutcome.Declined,
                    Amount = approved ? application.AmountRequested : null,
                    Feedback = approved ? "The panel was impressed by the reach of this work." : "A strong field; the panel funded applications that scored higher on need and reach.",
                    DecidedAt = closes.AddDays(40),
                    DecidedByUserId = funder.AdminUserId,
                    NotifiedAt = closes.AddDays(41),
                    Revision = 1,
                });
                Count("decisions");
                if (approved)
                {
                    AddAward(funder, round, application);
                }
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        _awards.AddRange(_roundAwards.Select(a => new GeneratedAward(a.Id, a.Reference, a.OrganisationId, a.FunderId)));
        AddTranchesAndPayments(funder);
        await SaveAsync();
    }

    private readonly List<Award> _roundAwards = [];

    /// <summary>An accepted award with eight scale-up milestones and six-monthly reports; what is past is mostly done.</summary>
    private void AddAward(GeneratedFunder funder, Round round, GrantApplication application)
    {
        var decidedAt = round.ClosesAt.AddDays(40);
        var start = DateOnly.FromDateTime(decidedAt.UtcDateTime).AddDays(30);
        var end = start.AddMonths(application.DurationMonths).AddDays(-1);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var award = new Award
        {
            Reference = Award.ReferenceFor(application.Id, start),
            ApplicationId = application.Id,
            OrganisationId = application.OrganisationId,
            RoundId = round.Id,
            FunderId = funder.Id,
            Amount = application.AmountRequested,
            StartDate = start,
            EndDate = end,
            Status = end < today ? AwardStatus.Completed : AwardStatus.Active,
            Conditions = "Report every six months; acknowledge the funder in publicity.",
            CreatedAt = decidedAt,
            OfferedAt = decidedAt.AddDays(1),
            OfferedByUserId = funder.AdminUserId,
            RespondBy = start,
            AcceptedAt = decidedAt.AddDays(_random.Next(2, 20)),
            AcceptedByName = Person(),
            AcceptedByPosition = "Chair",
            ClosedAt = end < today ? now.AddDays(-1) : null,
        };
        var days = end.DayNumber - start.DayNumber;
        for (var m = 1; m <= 8; m++)
        {
            var due = start.AddDays(days * m / 8);
            var target = _random.Next(10, 200);
            var stage = due >= today ? (due.AddDays(-60) < today ? MilestoneStage.InProgress : MilestoneStage.Planned)
                : _random.NextDouble() switch { < 0.85 => MilestoneStage.Approved, < 0.93 => MilestoneStage.Submitted, _ => MilestoneStage.InProgress };
            var milestone = new Milestone
            {
                Number = m,
                Title = string.Create(CultureInfo.InvariantCulture, $"Milestone {m}: {Pick(Words.Activities).ToLowerInvariant()}"),
                Description = Pick(Words.Sentences),
                DueDate = due,
                TargetMeasure = Pick(Words.Measures),
                TargetValue = target,
                Stage = stage,
                ActualValue = stage is MilestoneStage.Approved or MilestoneStage.Submitted ? target + _random.Next(-target / 3, target / 2) : null,
                ApprovedAt = stage == MilestoneStage.Approved ? UkNoon(due.AddDays(_random.Next(-10, 25))) : null,
            };
            if (stage is MilestoneStage.Approved or MilestoneStage.Submitted)
            {
                milestone.Evidence.Add(new MilestoneEvidence
                {
                    Narrative = Pick(Words.Sentences),
                    ActualValue = milestone.ActualValue,
                    SubmittedAt = UkNoon(due.AddDays(_random.Next(-14, 10))),
                    SubmittedByUserId = application.SubmittedByUserId ?? funder.AdminUserId,
                    Outcome = stage == MilestoneStage.Approved ? ReviewOutcome.Approved : null,
                    ReviewedAt = milestone.ApprovedAt,
                    ReviewedByUserId = stage == MilestoneStage.Approved ? funder.AdminUserId : null,
                });
            }

            award.Milestones.Add(milestone);
            Count("milestones");
        }

        foreach (var report in ReportRules.Schedule(start, end, award.ReportIntervalMonths))
        {
            var due = report.DueDate;
            var done = due < today && _random.NextDouble() < 0.9;
            report.Stage = done ? ReportStage.Accepted : ReportStage.NotStarted;
            if (done)
            {
                report.PeopleReached = _random.Next(20, 600);
                report.Narrative = Pick(Words.Sentences);
                report.SubmittedAt = UkNoon(due.AddDays(-_random.Next(0, 20)));
                report.SubmittedByUserId = application.SubmittedByUserId;
                report.ReviewedAt = UkNoon(due.AddDays(_random.Next(1, 20)));
                report.ReviewedByUserId = funder.AdminUserId;
                var remaining = report.PeopleReached.Value;
                foreach (var code in Words.OutcomeCodes.Where(_ => _random.NextDouble() < 0.4))
                {
                    var count = _random.Next(0, remaining + 1);
                    remaining -= count;
                    report.Outcomes.Add(new ReportOutcome { DeiCode = code, Count = count });
                }
            }

            award.Reports.Add(report);
            Count("monitoring reports");
        }

        db.Awards.Add(award);
        _roundAwards.Add(award);
        Count("awards");
    }

    /// <summary>Four tranches per award, one on signing and one on each even milestone; approved milestones' tranches are mostly paid.</summary>
    private void AddTranchesAndPayments(GeneratedFunder funder)
    {
        foreach (var award in _roundAwards)
        {
            var share = decimal.Round(award.Amount / 4m, 2);
            for (var t = 1; t <= 4; t++)
            {
                var milestone = t == 1 ? null : award.Milestones[(2 * t) - 1];
                var amount = t == 4 ? award.Amount - (3 * share) : share;
                var due = milestone is null || milestone.Stage == MilestoneStage.Approved;
                var paid = due && (milestone is null || _random.NextDouble() < 0.9);
                var planned = milestone?.DueDate ?? award.StartDate;
                var tranche = new AwardTranche
                {
                    AwardId = award.Id,
                    Number = t,
                    Amount = amount,
                    PlannedDate = planned,
                    MilestoneId = milestone?.Id,
                    Status = paid ? TrancheStatus.Paid : due ? TrancheStatus.Due : TrancheStatus.Scheduled,
                    DueSince = due ? milestone?.ApprovedAt ?? award.AcceptedAt : null,
                };
                if (paid)
                {
                    tranche.Payment = new Payment
                    {
                        AwardId = award.Id,
                        Amount = amount,
                        PaidOn = planned.AddDays(_random.Next(3, 30)),
                        Reference = string.Create(CultureInfo.InvariantCulture, $"BACS-{award.Id:D6}-{t}"),
                        RecordedAt = UkNoon(planned.AddDays(30)),
                        RecordedByUserId = funder.AdminUserId,
                    };
                    Count("payments");
                }

                db.AwardTranches.Add(tranche);
                Count("tranches");
            }
        }

        _roundAwards.Clear();
    }

    private static DateTimeOffset UkNoon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);


    private static int UkYear(DateTimeOffset instant) => instant.UtcDateTime.Year;

    private string AnswerFor(Question question) => question.Type switch
    {
        QuestionType.LongText => string.Join(' ', Enumerable.Range(0, 4).Select(_ => Pick(Words.Sentences))),
        QuestionType.MultipleChoice => string.Join('\n', Words.Communities.Where(_ => _random.NextDouble() < 0.35).DefaultIfEmpty(Words.Communities[0])),
        QuestionType.Number => _random.Next(20, 2_000).ToString(CultureInfo.InvariantCulture),
        QuestionType.YesNo => _random.NextDouble() < 0.4 ? "yes" : "no",
        QuestionType.Date => new DateOnly(2010 + _random.Next(0, 15), 1 + _random.Next(0, 12), 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => $"{Pick(Words.Places)} {Pick(Words.Partners)}",
    };

    private string Person() => $"{Pick(Words.FirstNames)} {Pick(Words.LastNames)}";

    private string Pick(string[] words) => words[_random.Next(words.Length)];
}

/// <summary>Where the benchmark looks; the award and agreement are missing only when the instance has no awards at all.</summary>
public sealed record BenchmarkTargets(string FunderEmail, int FunderId, int RoundId, string OrganisationEmail, string Password,
    int OrganisationId, int? AwardId, int? AgreementId);
