using System.Globalization;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Partnerships;

namespace GrantsHub.DataGenerator;

public sealed partial class LargeDataset
{
    private sealed record GeneratedAward(int Id, string Reference, int OrganisationId, int FunderId);

    private sealed record ExternalBody(ExternalBodyKind Kind, string[] Names, string Role, string Responsibilities);

    /// <summary>The bodies outside GrantsHub that community groups partner with; {0} is a place.</summary>
    private static readonly ExternalBody[] ExternalBodies =
    [
        new(ExternalBodyKind.LocalAuthority, ["{0} Council", "{0} Council Public Health"], "Commissioning partner",
            "Refers residents, shares local needs data and hosts the quarterly partnership meeting."),
        new(ExternalBodyKind.IntegratedCareBoard, ["NHS {0} Integrated Care Board"], "Health commissioner",
            "Co-funds the community mental health pathway and reviews shared outcomes each quarter."),
        new(ExternalBodyKind.NhsTrust, ["{0} Mental Health NHS Foundation Trust", "{0} Community Health NHS Trust"], "Clinical partner",
            "Provides clinical supervision for peer workers and a fast-track route back into secondary care."),
        new(ExternalBodyKind.PrimaryCareNetwork, ["{0} Central Primary Care Network", "{0} North Primary Care Network"], "Social prescribing partner",
            "Its social prescribing link workers refer patients and share anonymised outcomes."),
        new(ExternalBodyKind.School, ["{0} Academy", "{0} Primary School", "{0} Sixth Form College"], "Education partner",
            "Hosts after-school sessions and refers pupils and families who need support."),
        new(ExternalBodyKind.FaithGroup, ["{0} Mosque", "St Mary's Church, {0}", "{0} Gurdwara", "{0} Methodist Church"], "Community venue partner",
            "Offers a venue free of charge and reaches families through its congregation."),
        new(ExternalBodyKind.Business, ["{0} Co-operative", "{0} Building Society", "{0} Football Club Foundation"], "Business partner",
            "Provides volunteers and in-kind support, and sponsors the annual wellbeing festival."),
    ];

    private static readonly string[] DeliveryResponsibilities =
    [
        "Runs weekly peer support groups in its area and shares referral data with the lead.",
        "Co-delivers the training programme for volunteers and peer facilitators.",
        "Reaches families in its community in their own languages and refers them on.",
        "Hosts the drop-in one day a week and provides its own trained volunteers.",
    ];

    private readonly List<GeneratedAward> _awards = [];
    private readonly Dictionary<int, string> _organisationAreas = [];
    private GeneratedAward? _targetAward;
    private int _targetAgreementId;

    /// <summary>
    /// Partnership agreements (3,000 at scale 1, a few per funder at least) led by funded organisations, each with
    /// two to four parties — nearby organisations on GrantsHub and external bodies — and linked to the lead's awards.
    /// Every status appears; some agreements end or are due for review within 60 days. Organisations based in every
    /// fifth area lead no current partnership, so the partnership map shows gaps.
    /// </summary>
    private async Task AddPartnershipsAsync(List<Area> areas, List<(int Id, string UserId)> organisations)
    {
        if (_awards.Count == 0)
        {
            return;
        }

        var total = Math.Max(Funders * 3, (int)Math.Round(3_000 * scale));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var gapAreas = areas.Where((_, i) => i % 5 == 0).Select(a => a.Code).ToHashSet();
        var region = areas.ToDictionary(a => a.Code, a => a.Region);
        var areaName = areas.ToDictionary(a => a.Code, a => a.Name);
        var owners = organisations.ToDictionary(o => o.Id, o => o.UserId);
        var inArea = organisations.ToLookup(o => _organisationAreas[o.Id], o => o.Id);
        var inRegion = organisations.ToLookup(o => region[_organisationAreas[o.Id]], o => o.Id);
        var byFunder = _awards.GroupBy(a => a.FunderId).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var byOrganisation = _awards.ToLookup(a => a.OrganisationId);

        // The benchmark's organisation: the busiest one the first funder funds, leading an active agreement on that award.
        _targetAward = _awards.OrderByDescending(a => a.FunderId == _firstFunderId)
            .ThenByDescending(a => _applicationsPerOrganisation.GetValueOrDefault(a.OrganisationId)).ThenBy(a => a.Id).First();
        PartnershipAgreement? target = null;
        var leadsCurrent = new HashSet<int>();
        var pending = 0;
        for (var i = 0; i < total; i++)
        {
            // The first agreements go round the funders so each has some; the rest follow the awards, so bigger funders see more.
            var funderAwards = byFunder[i % byFunder.Count];
            var award = i == 0 ? _targetAward : i < Funders * 3 ? funderAwards[_random.Next(funderAwards.Count)] : _awards[_random.Next(_awards.Count)];
            var lead = award.OrganisationId;
            var area = _organisationAreas[lead];
            var agreement = NewAgreement(award, areaName[area], today, current: !gapAreas.Contains(area), active: i == 0);
            foreach (var party in Parties(lead, inArea[area].Concat(inRegion[region[area]]).ToList()))
            {
                agreement.Parties.Add(party);
                Count("agreement parties");
            }

            agreement.CreatedByUserId = owners[lead];
            agreement.Awards.Add(new AgreementAward { AwardId = award.Id });
            var another = byOrganisation[lead].Where(a => a.Id != award.Id).ToList();
            if (another.Count > 0 && _random.NextDouble() < 0.3)
            {
                agreement.Awards.Add(new AgreementAward { AwardId = another[_random.Next(another.Count)].Id });
            }

            if (agreement.StatusAt(now) is AgreementStatus.Signed or AgreementStatus.Active or AgreementStatus.UnderReview)
            {
                leadsCurrent.Add(lead);
            }

            target ??= agreement;
            db.PartnershipAgreements.Add(agreement);
            Count("partnership agreements");
            Count($"  {(agreement.StatusAt(now) is AgreementStatus.UnderReview ? "under review" : agreement.StatusAt(now).ToString().ToLowerInvariant())}");
            if (++pending == 500)
            {
                await SaveAsync();
                pending = 0;
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        _targetAgreementId = target!.Id;
        db.ChangeTracker.Clear();
        Count("funded, no partnership", _awards.Select(a => a.OrganisationId).Distinct().Count(o => !leadsCurrent.Contains(o)));
    }

    /// <summary>
    /// An agreement with dates around now: mostly active, some drafts and signed ones not yet started, some under
    /// review, terminated or expired, and some ending or due for review within 60 days. One that is not
    /// <paramref name="current"/> is a draft, terminated or expired; an <paramref name="active"/> one is active.
    /// </summary>
    private PartnershipAgreement NewAgreement(GeneratedAward award, string areaName, DateOnly today, bool current, bool active)
    {
        var roll = _random.NextDouble();
        var kind = active ? 2 : current
            ? roll switch { < 0.08 => 0, < 0.16 => 1, < 0.54 => 2, < 0.64 => 3, < 0.72 => 4, < 0.84 => 5, _ => 6 }
            : roll switch { < 0.4 => 0, < 0.7 => 4, _ => 5 };
        var months = 12 * _random.Next(1, 4);
        DateOnly starts;
        DateOnly ends;
        DateOnly? review = null;
        AgreementStage stage;
        switch (kind)
        {
            case 0: // a draft still being agreed
                stage = AgreementStage.Draft;
                starts = today.AddDays(_random.Next(14, 120));
                ends = starts.AddMonths(months).AddDays(-1);
                break;
            case 1: // signed, starting soon
                stage = AgreementStage.Signed;
                starts = today.AddDays(_random.Next(1, 90));
                ends = starts.AddMonths(months).AddDays(-1);
                review = starts.AddMonths(6);
                break;
            case 2 or 3: // active, or in its review now
                stage = kind == 2 ? AgreementStage.Active : AgreementStage.UnderReview;
                starts = today.AddDays(-_random.Next(30, 900));
                ends = starts.AddMonths(months).AddDays(-1);
                if (ends <= today.AddDays(60))
                {
                    ends = today.AddDays(_random.Next(61, 400));
                }

                review = kind == 3 ? today.AddDays(-_random.Next(1, 30))
                    : _random.NextDouble() < 0.3 ? today.AddDays(_random.Next(1, 61))
                    : ends.AddMonths(-3) > today.AddDays(60) ? ends.AddMonths(-3) : null;
                break;
            case 4: // ended early by the partners
                stage = AgreementStage.Terminated;
                starts = today.AddDays(-_random.Next(100, 900));
                ends = starts.AddMonths(months).AddDays(-1);
                break;
            case 5: // ran its course: expired by the clock
                stage = _random.NextDouble() < 0.8 ? AgreementStage.Active : AgreementStage.Signed;
                ends = today.AddDays(-_random.Next(1, 400));
                starts = ends.AddMonths(-months).AddDays(1);
                break;
            default: // active and ending within 60 days: the expiry reminders have work
                stage = AgreementStage.Active;
                ends = today.AddDays(_random.Next(1, 61));
                starts = ends.AddMonths(-months).AddDays(1);
                review = ends.AddDays(-_random.Next(14, 45));
                break;
        }

        var created = UkNoon(starts.AddDays(-_random.Next(20, 90)));
        return new PartnershipAgreement
        {
            Title = $"{Pick(Words.Activities)} in {areaName}",
            Purpose = $"To deliver the work funded by award {award.Reference} together: {Pick(Words.Sentences)}",
            LeadOrganisationId = award.OrganisationId,
            StartsOn = starts,
            EndsOn = ends,
            ReviewOn = review,
            RenewalTerms = _random.NextDouble() < 0.6 ? "Renewable for a further year by written agreement of all parties, three months before the end date." : null,
            Stage = stage,
            CreatedAt = created < now ? created : now.AddDays(-_random.Next(1, 30)),
        };
    }

    /// <summary>Two to four partners: up to two organisations on GrantsHub from the lead's area or region, and external bodies.</summary>
    private List<AgreementParty> Parties(int lead, List<int> nearby)
    {
        var parties = new List<AgreementParty>();
        var count = _random.Next(2, 5);
        var organisations = new HashSet<int>();
        var kinds = new HashSet<ExternalBodyKind>();
        while (parties.Count < count)
        {
            if (organisations.Count < 2 && _random.NextDouble() < 0.35)
            {
                var partner = nearby[_random.Next(nearby.Count)];
                if (partner != lead && organisations.Add(partner))
                {
                    parties.Add(new AgreementParty { OrganisationId = partner, Role = "Delivery partner", Responsibilities = Pick(DeliveryResponsibilities) });
                }

                continue;
            }

            var body = ExternalBodies[_random.Next(ExternalBodies.Length)];
            if (!kinds.Add(body.Kind))
            {
                continue;
            }

            var name = string.Format(CultureInfo.InvariantCulture, Pick(body.Names), Pick(Words.Places));
            var domain = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            parties.Add(new AgreementParty
            {
                ExternalKind = body.Kind,
                ExternalName = name,
                ContactName = Person(),
                ContactEmail = $"partnerships@{domain}.example",
                Role = body.Role,
                Responsibilities = body.Responsibilities,
            });
        }

        return parties;
    }
}
