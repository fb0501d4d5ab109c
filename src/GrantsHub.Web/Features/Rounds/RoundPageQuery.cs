using System.Globalization;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

public sealed record RingFenceLine(string Name, decimal Amount, decimal? Percentage, string Who);

public sealed record RoundPage(
    int Id, string Title, string Funder, string Programme, string Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    decimal Budget, decimal MinimumGrant, decimal MaximumGrant, int MaximumDurationMonths, RoundStatus Status,
    IReadOnlyList<string> EligibilityRules, IReadOnlyList<RingFenceLine> RingFences, IReadOnlyList<string> Areas);

/// <summary>What anyone may read about a published round, with its rules in plain words.</summary>
public sealed class RoundPageQuery(GrantsHubDbContext db, TimeProvider clock)
{
    public async Task<RoundPage?> FindAsync(int id)
    {
        var round = await db.Rounds.AsNoTracking().AsSplitQuery()
            .Include(r => r.Programme!).ThenInclude(p => p.Funder)
            .Include(r => r.Areas).Include(r => r.RingFences)
            .SingleOrDefaultAsync(r => r.Id == id && r.Stage != RoundStage.Draft);
        if (round is null)
        {
            return null;
        }

        var codes = round.Areas.Select(a => a.AreaCode).ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var fences = round.RingFences.OrderBy(f => f.Id)
            .Select(f => new RingFenceLine(f.Name, f.AmountOf(round.Budget), f.Percentage, WhoQualifies(f)))
            .ToList();
        return new RoundPage(round.Id, round.Title, round.Programme!.Funder!.Name, round.Programme.Name, round.Description,
            round.OpensAt, round.ClosesAt, round.Budget, round.MinimumGrant, round.MaximumGrant, round.MaximumDurationMonths,
            round.StatusAt(clock.GetUtcNow()), RulesOf(round, areas), fences, areas);
    }

    public static IReadOnlyList<string> RulesOf(Round round, IReadOnlyList<string> areaNames)
    {
        var rules = new List<string>();
        if (round.AllowedOrganisationTypes != OrganisationTypes.None)
        {
            rules.Add($"Your organisation must be at least one of: {Eligibility.Describe(round.AllowedOrganisationTypes)}.");
        }

        if (round.MaximumAnnualIncome is { } income)
        {
            rules.Add($"Your annual income must be under {Display.FormatMoney(income)}.");
        }

        if (areaNames.Count > 0)
        {
            rules.Add($"Your organisation must be based in {string.Join(", ", areaNames)}.");
        }

        if (rules.Count == 0)
        {
            rules.Add("Any community organisation may apply.");
        }

        return rules;
    }

    private static string WhoQualifies(RingFence fence) => fence.Qualifier switch
    {
        RingFenceQualifier.UserLed => "For user-led organisations.",
        RingFenceQualifier.LedByLivedExperience => "For organisations led by people with lived experience.",
        RingFenceQualifier.LedByRacialisedCommunities => "For organisations led by racialised communities.",
        _ => string.Create(CultureInfo.InvariantCulture, $"For organisations serving or led by: {Domain.Equality.DeiTaxonomy.TitleOf(fence.DeiCode ?? "")}."),
    };
}
