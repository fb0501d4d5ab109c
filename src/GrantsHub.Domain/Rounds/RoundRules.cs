using System.Globalization;

namespace GrantsHub.Domain.Rounds;

/// <summary>A broken rule of a round's set-up, with the field it belongs to.</summary>
public sealed record RoundProblem(string Field, string Message);

/// <summary>Checks that a round is complete and consistent enough to publish.</summary>
public static class RoundRules
{
    public const int MaximumDurationMonths = 36;

    public static IEnumerable<RoundProblem> CheckDetails(DateTimeOffset opensAt, DateTimeOffset closesAt, decimal budget, decimal minimumGrant, decimal maximumGrant, int maximumDurationMonths)
    {
        if (closesAt <= opensAt)
        {
            yield return new RoundProblem("ClosesAt", "The closing date must be after the opening date");
        }

        if (budget <= 0)
        {
            yield return new RoundProblem("Budget", "Enter a round budget of more than £0");
        }

        if (minimumGrant > maximumGrant)
        {
            yield return new RoundProblem("MinimumGrant", "The minimum grant must not be more than the maximum grant");
        }

        if (maximumGrant > budget && budget > 0)
        {
            yield return new RoundProblem("MaximumGrant", "The maximum grant must not be more than the round budget");
        }

        if (maximumDurationMonths is < 1 or > MaximumDurationMonths)
        {
            yield return new RoundProblem("MaximumDurationMonths", "Grants can last from 1 to 36 months");
        }
    }

    public static IEnumerable<RoundProblem> CheckCriteria(IReadOnlyCollection<int> weights)
    {
        if (weights.Count == 0)
        {
            yield return new RoundProblem("Criteria", "Add at least one assessment criterion");
        }
        else if (weights.Sum() != 100)
        {
            yield return new RoundProblem("Criteria", string.Create(CultureInfo.InvariantCulture, $"Criteria weights must total 100; they total {weights.Sum()}"));
        }
    }

    public static IEnumerable<RoundProblem> CheckRingFences(decimal budget, IEnumerable<RingFence> ringFences)
    {
        var total = ringFences.Sum(r => r.AmountOf(budget));
        if (total > budget)
        {
            yield return new RoundProblem("RingFences", string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"The ring-fenced pots total {total:C0}, more than the round budget of {budget:C0}"));
        }
    }

    /// <summary>Everything that must be right before applicants can see the round.</summary>
    public static IReadOnlyList<RoundProblem> CheckReadyToPublish(Round round)
    {
        var problems = CheckDetails(round.OpensAt, round.ClosesAt, round.Budget, round.MinimumGrant, round.MaximumGrant, round.MaximumDurationMonths)
            .Concat(CheckCriteria(round.Criteria.Select(c => c.Weight).ToList()))
            .Concat(CheckRingFences(round.Budget, round.RingFences))
            .ToList();
        if (!round.Sections.Any(s => s.Questions.Count > 0))
        {
            problems.Add(new RoundProblem("Sections", "Add at least one question to the application form"));
        }

        if (round.ScoreMaximum <= round.ScoreMinimum)
        {
            problems.Add(new RoundProblem("ScoreMaximum", "The top of the score scale must be above the bottom"));
        }

        return problems;
    }
}
