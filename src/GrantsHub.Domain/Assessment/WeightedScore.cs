namespace GrantsHub.Domain.Assessment;

/// <summary>A criterion's weight and the value an assessor gave it.</summary>
public readonly record struct WeightedValue(int Weight, int Value);

/// <summary>Weighted scores on a 0–100 scale, whatever the round's score scale.</summary>
public static class WeightedScore
{
    /// <summary>Σ weight × (value − min) / (max − min); weights total 100, so the result is 0–100.</summary>
    public static decimal Of(IEnumerable<WeightedValue> values, int scaleMinimum, int scaleMaximum) =>
        FromWeightedPoints(values.Sum(v => v.Weight * (v.Value - scaleMinimum)), scaleMinimum, scaleMaximum);

    /// <summary>The same total from Σ weight × (value − min) already added up (by the database, for many score sheets at once).</summary>
    public static decimal FromWeightedPoints(int weightedPoints, int scaleMinimum, int scaleMaximum)
    {
        if (scaleMaximum <= scaleMinimum)
        {
            throw new ArgumentException("The top of the score scale must be above the bottom.", nameof(scaleMaximum));
        }

        return decimal.Round((decimal)weightedPoints / (scaleMaximum - scaleMinimum), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The application's score: the moderated score when set, else the mean of submitted assessor totals.</summary>
    public static decimal? ApplicationScore(IReadOnlyCollection<decimal> assessorTotals, decimal? moderated) =>
        moderated ?? (assessorTotals.Count == 0 ? null : decimal.Round(assessorTotals.Average(), 2, MidpointRounding.AwayFromZero));

    public static decimal Spread(IReadOnlyCollection<decimal> assessorTotals) =>
        assessorTotals.Count < 2 ? 0m : assessorTotals.Max() - assessorTotals.Min();

    public static bool Diverges(IReadOnlyCollection<decimal> assessorTotals, decimal threshold) => Spread(assessorTotals) > threshold;
}

/// <summary>A problem with a score sheet, with the field it belongs to.</summary>
public sealed record ScoreProblem(string Field, string Message);

public sealed record CriterionEntry(int CriterionId, string CriterionName, int? Value, string? Comment);

public static class ScoreSheet
{
    /// <summary>Drafts may be incomplete but what is entered must be in range; a submission needs every score and comment.</summary>
    public static IReadOnlyList<ScoreProblem> Check(IReadOnlyList<CriterionEntry> entries, int scaleMinimum, int scaleMaximum, bool submitting, Func<int, string> fieldOf)
    {
        var problems = new List<ScoreProblem>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Value is { } value && (value < scaleMinimum || value > scaleMaximum))
            {
                problems.Add(new ScoreProblem(fieldOf(i) + ".Value",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Score {entry.CriterionName} from {scaleMinimum} to {scaleMaximum}")));
            }
            else if (submitting && entry.Value is null)
            {
                problems.Add(new ScoreProblem(fieldOf(i) + ".Value", $"Enter a score for {entry.CriterionName}"));
            }

            if (submitting && string.IsNullOrWhiteSpace(entry.Comment))
            {
                problems.Add(new ScoreProblem(fieldOf(i) + ".Comment", $"Explain your score for {entry.CriterionName}"));
            }
        }

        return problems;
    }
}
