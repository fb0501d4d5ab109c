using System.Globalization;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

/// <summary>Creates, changes, publishes and copies rounds; every change is audited.</summary>
public sealed class RoundSetupService(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public static RoundDetailsForm DetailsOf(Round round) => new()
    {
        Id = round.Id,
        ProgrammeId = round.ProgrammeId,
        Version = round.Version,
        Title = round.Title,
        Description = round.Description,
        OpensAt = UkTime.ToLocal(round.OpensAt),
        ClosesAt = UkTime.ToLocal(round.ClosesAt),
        Budget = round.Budget,
        MinimumGrant = round.MinimumGrant,
        MaximumGrant = round.MaximumGrant,
        MaximumDurationMonths = round.MaximumDurationMonths,
    };

    public static IEnumerable<RoundProblem> Check(RoundDetailsForm form) =>
        RoundRules.CheckDetails(UkTime.FromLocal(form.OpensAt!.Value), UkTime.FromLocal(form.ClosesAt!.Value),
            form.Budget!.Value, form.MinimumGrant!.Value, form.MaximumGrant!.Value, form.MaximumDurationMonths!.Value);

    public async Task<Round> CreateAsync(Programme programme, RoundDetailsForm form)
    {
        var round = new Round { Programme = programme, Title = form.Title.Trim(), Stage = RoundStage.Draft };
        Apply(round, form);
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        Record(round, "round.created", $"Round {round.Title} created", null, DetailsSnapshot(round));
        await db.SaveChangesAsync();
        return round;
    }

    public async Task UpdateAsync(Round round, RoundDetailsForm form)
    {
        var before = DetailsSnapshot(round);
        Apply(round, form);
        Record(round, "round.details-changed", $"Details of {round.Title} changed", before, DetailsSnapshot(round));
        await db.SaveChangesAsync();
    }

    public async Task UpdateEligibilityAsync(Round round, EligibilityForm form, IReadOnlyCollection<string> knownAreas)
    {
        var before = EligibilitySnapshot(round);
        round.AllowedOrganisationTypes = form.AllowedTypes.Aggregate(OrganisationTypes.None, (all, t) => all | t);
        round.MaximumAnnualIncome = form.MaximumAnnualIncome;
        round.Areas.RemoveAll(a => !form.AreaCodes.Contains(a.AreaCode));
        foreach (var code in form.AreaCodes.Where(knownAreas.Contains).Except(round.Areas.Select(a => a.AreaCode)).ToList())
        {
            round.Areas.Add(new RoundArea { AreaCode = code });
        }

        Record(round, "round.eligibility-changed", $"Eligibility of {round.Title} changed", before, EligibilitySnapshot(round));
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<RoundProblem>> MoveToAsync(Round round, RoundStage stage)
    {
        var now = clock.GetUtcNow();
        if (!RoundStages.CanMove(round, stage, now))
        {
            return [new RoundProblem("", $"A round that is {Display.Humanise(round.StatusAt(now).ToString()).ToLower(CultureInfo.InvariantCulture)} cannot be moved to {Display.Humanise(stage.ToString()).ToLower(CultureInfo.InvariantCulture)}.")];
        }

        if (stage == RoundStage.Published)
        {
            var problems = RoundRules.CheckReadyToPublish(round);
            if (problems.Count > 0)
            {
                return problems;
            }
        }

        var before = round.Stage;
        round.Stage = stage;
        Record(round, "round.stage-changed", $"{round.Title} moved from {before} to {stage}", new { Stage = before.ToString() }, new { Stage = stage.ToString() });
        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>Starts the next round from this one: same set-up, a year later, as a draft.</summary>
    public async Task<Round> CopyAsync(Round source)
    {
        var copy = new Round
        {
            Programme = source.Programme,
            Title = $"{source.Title} (copy)",
            Description = source.Description,
            OpensAt = source.OpensAt.AddYears(1),
            ClosesAt = source.ClosesAt.AddYears(1),
            Budget = source.Budget,
            MinimumGrant = source.MinimumGrant,
            MaximumGrant = source.MaximumGrant,
            MaximumDurationMonths = source.MaximumDurationMonths,
            Stage = RoundStage.Draft,
            AllowedOrganisationTypes = source.AllowedOrganisationTypes,
            MaximumAnnualIncome = source.MaximumAnnualIncome,
            ScoreMinimum = source.ScoreMinimum,
            ScoreMaximum = source.ScoreMaximum,
            CopiedFromRoundId = source.Id,
            Areas = source.Areas.Select(a => new RoundArea { AreaCode = a.AreaCode }).ToList(),
            RingFences = source.RingFences.Select(r => new RingFence { Name = r.Name, Amount = r.Amount, Percentage = r.Percentage, Qualifier = r.Qualifier, DeiCode = r.DeiCode }).ToList(),
            Criteria = source.Criteria.Select(c => new Criterion { Name = c.Name, Guidance = c.Guidance, Weight = c.Weight, Order = c.Order }).ToList(),
            Sections = source.Sections.Select(s => new FormSection
            {
                Title = s.Title,
                Description = s.Description,
                Order = s.Order,
                Questions = s.Questions.Select(q => new Question { Text = q.Text, HelpText = q.HelpText, Type = q.Type, Required = q.Required, Order = q.Order, WordLimit = q.WordLimit, Options = q.Options }).ToList(),
            }).ToList(),
        };
        db.Rounds.Add(copy);
        await db.SaveChangesAsync();
        Record(copy, "round.copied", $"{copy.Title} copied from {source.Title}", null, new { From = source.Id });
        await db.SaveChangesAsync();
        return copy;
    }

    public void Record(Round round, string kind, string summary, object? before, object? after) =>
        audit.Record(kind, summary, new AuditScope(FunderId: round.Programme!.FunderId, RoundId: round.Id),
            before, after, "Round", round.Id.ToString(CultureInfo.InvariantCulture));

    private static void Apply(Round round, RoundDetailsForm form)
    {
        round.Title = form.Title.Trim();
        round.Description = form.Description?.Trim() ?? "";
        round.OpensAt = UkTime.FromLocal(form.OpensAt!.Value);
        round.ClosesAt = UkTime.FromLocal(form.ClosesAt!.Value);
        round.Budget = form.Budget!.Value;
        round.MinimumGrant = form.MinimumGrant!.Value;
        round.MaximumGrant = form.MaximumGrant!.Value;
        round.MaximumDurationMonths = form.MaximumDurationMonths!.Value;
    }

    private static object DetailsSnapshot(Round r) => new { r.Title, r.OpensAt, r.ClosesAt, r.Budget, r.MinimumGrant, r.MaximumGrant, r.MaximumDurationMonths };

    private static object EligibilitySnapshot(Round r) => new
    {
        Types = r.AllowedOrganisationTypes.ToString(),
        r.MaximumAnnualIncome,
        Areas = r.Areas.Select(a => a.AreaCode).OrderBy(c => c, StringComparer.Ordinal).ToList(),
    };
}
