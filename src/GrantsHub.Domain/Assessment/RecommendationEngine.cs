using System.Globalization;

namespace GrantsHub.Domain.Assessment;

/// <summary>An application as the recommendation sees it.</summary>
public sealed record RecommendationCandidate(
    int ApplicationId, string Reference, string Organisation, decimal? Score, decimal Requested, DateTimeOffset SubmittedAt, IReadOnlySet<int> QualifyingPots);

/// <summary>A ring-fenced pot with its amount already worked out from the round budget.</summary>
public sealed record RingFencedPot(int Id, string Name, decimal Amount);

public sealed record RecommendationInput(
    decimal Budget,
    IReadOnlyList<RingFencedPot> Pots,
    decimal QualityThreshold,
    bool PartialAwardsAllowed,
    IReadOnlyList<RecommendationCandidate> Candidates,
    IReadOnlySet<int> Included,
    IReadOnlySet<int> Excluded);

public enum RecommendationOutcome
{
    Funded,
    Reserve,
    BelowThreshold,
    NotScored,
    Excluded,
}

public sealed record RecommendationLine(
    int Rank, int ApplicationId, string Reference, string Organisation, decimal? Score, decimal Requested,
    RecommendationOutcome Outcome, decimal Amount, int? PotId, string? PotName, string Explanation);

/// <summary>Money available from a pot (or the open budget, with no id), what was used and what is left.</summary>
public sealed record PotUsage(int? PotId, string Name, decimal Available, decimal Used, decimal Remaining);

public sealed record RecommendationResult(IReadOnlyList<RecommendationLine> Lines, IReadOnlyList<PotUsage> Pots, decimal Budget, decimal Used)
{
    public decimal Remaining => Budget - Used;

    public IEnumerable<RecommendationLine> Funded => Lines.Where(l => l.Outcome == RecommendationOutcome.Funded);

    public IEnumerable<RecommendationLine> Reserve => Lines.Where(l => l.Outcome == RecommendationOutcome.Reserve);
}

/// <summary>
/// Proposes which applications to fund. Applications are ranked by score (ties: lower request,
/// then earlier submission, then lower id). Each ring-fenced pot is filled first with the
/// best-ranked qualifying applications that fit; money a pot cannot use is released to the open
/// budget, which then funds the rest by rank. Requested amounts are honoured: an application that
/// does not fit is passed over for the next that does, unless partial awards are allowed, when the
/// first that does not fit takes what is left. Nothing below the quality threshold is funded.
/// The funder's inclusions are funded first; exclusions never are. Every line says why.
/// </summary>
public static class RecommendationEngine
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static RecommendationResult Recommend(RecommendationInput input)
    {
        var ranked = input.Candidates
            .OrderByDescending(c => c.Score.HasValue)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Requested)
            .ThenBy(c => c.SubmittedAt)
            .ThenBy(c => c.ApplicationId)
            .ToList();
        var rank = ranked.Select((c, i) => (c, i)).ToDictionary(x => x.c.ApplicationId, x => x.i + 1);
        var outcome = new Dictionary<int, (RecommendationOutcome Outcome, decimal Amount, int? PotId, string? PotName, string Why)>();
        var potLeft = input.Pots.ToDictionary(p => p.Id, p => p.Amount);
        var potUsed = input.Pots.ToDictionary(p => p.Id, _ => 0m);
        var ringFenced = input.Pots.Sum(p => p.Amount);
        var open = input.Budget - ringFenced;
        var openAvailable = open;
        var openUsed = 0m;

        foreach (var c in ranked)
        {
            if (input.Excluded.Contains(c.ApplicationId))
            {
                outcome[c.ApplicationId] = (RecommendationOutcome.Excluded, 0, null, null, "Excluded by the funder.");
            }
            else if (c.Score is not { } score)
            {
                outcome[c.ApplicationId] = (RecommendationOutcome.NotScored, 0, null, null, "No submitted scores yet, so it cannot be ranked.");
            }
            else if (score < input.QualityThreshold)
            {
                outcome[c.ApplicationId] = (RecommendationOutcome.BelowThreshold, 0, null, null,
                    $"Score {Points(score)} is below the quality threshold of {Points(input.QualityThreshold)}, so it is not funded.");
            }
        }

        var eligible = ranked.Where(c => !outcome.ContainsKey(c.ApplicationId)).ToList();
        var included = eligible.Where(c => input.Included.Contains(c.ApplicationId)).ToList();

        // 1. The funder's inclusions, from a pot they qualify for when it has room, else the open budget.
        foreach (var c in included)
        {
            var pot = input.Pots.FirstOrDefault(p => c.QualifyingPots.Contains(p.Id) && potLeft[p.Id] >= c.Requested);
            if (pot is not null)
            {
                FundFromPot(c, pot, "Included by the funder; ");
            }
            else if (c.Requested <= openAvailable)
            {
                FundFromOpen(c, c.Requested, "Included by the funder; ");
            }
        }

        // 2. Ring-fenced pots, each with the best-ranked qualifying applications that fit.
        foreach (var pot in input.Pots)
        {
            foreach (var c in eligible.Where(c => !outcome.ContainsKey(c.ApplicationId) && c.QualifyingPots.Contains(pot.Id)))
            {
                if (c.Requested <= potLeft[pot.Id])
                {
                    FundFromPot(c, pot, "");
                }
            }
        }

        // 3. What the pots could not use joins the open budget.
        var released = potLeft.Values.Sum();
        openAvailable += released;
        var releasedNote = released > 0 ? $" (including {Money(released)} of ring-fenced money no qualifying application above the threshold could use)" : "";

        // 4. The open budget, by rank.
        var partialGiven = false;
        foreach (var c in eligible.Where(c => !outcome.ContainsKey(c.ApplicationId)))
        {
            if (c.Requested <= openAvailable)
            {
                FundFromOpen(c, c.Requested, "");
            }
            else if (input.PartialAwardsAllowed && !partialGiven && openAvailable > 0)
            {
                partialGiven = true;
                var amount = openAvailable;
                FundFromOpen(c, amount, $"Partly funded: {Money(amount)} of the {Money(c.Requested)} requested, the last of the budget{releasedNote}; ");
            }
            else
            {
                outcome[c.ApplicationId] = (RecommendationOutcome.Reserve, 0, null, null,
                    input.Included.Contains(c.ApplicationId)
                        ? $"Included by the funder, but the {Money(c.Requested)} requested does not fit the {Money(openAvailable)} left{releasedNote}."
                        : $"Reserve: the {Money(c.Requested)} requested does not fit the {Money(openAvailable)} left{releasedNote}.");
            }
        }

        var lines = ranked.Select(c =>
        {
            var o = outcome[c.ApplicationId];
            return new RecommendationLine(rank[c.ApplicationId], c.ApplicationId, c.Reference, c.Organisation, c.Score, c.Requested,
                o.Outcome, o.Amount, o.PotId, o.PotName, o.Why + TieNote(c, ranked));
        }).ToList();
        var usage = input.Pots.Select(p => new PotUsage(p.Id, p.Name, p.Amount, potUsed[p.Id], p.Amount - potUsed[p.Id]))
            .Append(new PotUsage(null, "Open budget", open + released, openUsed, open + released - openUsed))
            .ToList();
        return new RecommendationResult(lines, usage, input.Budget, potUsed.Values.Sum() + openUsed);

        void FundFromPot(RecommendationCandidate c, RingFencedPot pot, string prefix)
        {
            potLeft[pot.Id] -= c.Requested;
            potUsed[pot.Id] += c.Requested;
            outcome[c.ApplicationId] = (RecommendationOutcome.Funded, c.Requested, pot.Id, pot.Name,
                $"{Capitalise(prefix)}{(prefix.Length > 0 ? "f" : "F")}unded from the ring-fenced pot \"{pot.Name}\": it qualifies, ranks {rank[c.ApplicationId]} with score {Points(c.Score!.Value)}, and its {Money(c.Requested)} fits the {Money(potLeft[pot.Id] + c.Requested)} left in the pot.");
        }

        void FundFromOpen(RecommendationCandidate c, decimal amount, string prefix)
        {
            var before = openAvailable;
            openAvailable -= amount;
            openUsed += amount;
            outcome[c.ApplicationId] = (RecommendationOutcome.Funded, amount, null, "Open budget",
                amount < c.Requested
                    ? Capitalise(prefix) + $"ranks {rank[c.ApplicationId]} with score {Points(c.Score!.Value)}."
                    : $"{Capitalise(prefix)}{(prefix.Length > 0 ? "f" : "F")}unded from the open budget: ranks {rank[c.ApplicationId]} with score {Points(c.Score!.Value)}, and its {Money(c.Requested)} fits the {Money(before)} left.");
        }
    }

    private static string TieNote(RecommendationCandidate c, List<RecommendationCandidate> ranked)
    {
        if (c.Score is null)
        {
            return "";
        }

        var tied = ranked.Where(o => o.ApplicationId != c.ApplicationId && o.Score == c.Score).ToList();
        if (tied.Count == 0)
        {
            return "";
        }

        var ahead = tied.Where(o => ranked.IndexOf(o) > ranked.IndexOf(c)).Select(o => o.Reference).ToList();
        var behind = tied.Where(o => ranked.IndexOf(o) < ranked.IndexOf(c)).Select(o => o.Reference).ToList();
        var note = $" Tied on {Points(c.Score.Value)} with {string.Join(", ", tied.Select(o => o.Reference))}; ties are ranked by lower request, then earlier submission.";
        if (ahead.Count > 0)
        {
            note += $" Ranked ahead of {string.Join(", ", ahead)}.";
        }

        if (behind.Count > 0)
        {
            note += $" Ranked behind {string.Join(", ", behind)}.";
        }

        return note;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Uk) + text[1..];

    private static string Points(decimal score) => score.ToString("0.##", Uk);

    public static string Money(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "C0" : "C2", Uk);
}
