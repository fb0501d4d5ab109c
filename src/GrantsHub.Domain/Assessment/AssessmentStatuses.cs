namespace GrantsHub.Domain.Assessment;

public enum ScoreStatus
{
    Draft,
    Submitted,
}

/// <summary>Where an assignment stands, as the assessor's queue shows it; derived from its score.</summary>
public enum AssignmentStatus
{
    ToDo,
    InProgress,
    Done,
}

public enum ScoringAction
{
    SaveDraft,
    Submit,
}

/// <summary>
/// The one place that says how assessment statuses move. A score is saved as a draft or submitted
/// while scoring is open; a submitted score can be edited (and stays submitted) but never goes back
/// to draft. Applications move through <see cref="Applications.ApplicationTransitions"/>.
/// </summary>
public static class AssessmentStatuses
{
    private static readonly Dictionary<(ScoreStatus? From, ScoringAction Action), ScoreStatus> ScoreMoves = new()
    {
        [(null, ScoringAction.SaveDraft)] = ScoreStatus.Draft,
        [(null, ScoringAction.Submit)] = ScoreStatus.Submitted,
        [(ScoreStatus.Draft, ScoringAction.SaveDraft)] = ScoreStatus.Draft,
        [(ScoreStatus.Draft, ScoringAction.Submit)] = ScoreStatus.Submitted,
        [(ScoreStatus.Submitted, ScoringAction.Submit)] = ScoreStatus.Submitted,
    };

    /// <summary>The status a score moves to, or null when the action is not allowed now.</summary>
    public static ScoreStatus? Next(ScoreStatus? from, ScoringAction action, bool scoringOpen) =>
        scoringOpen && ScoreMoves.TryGetValue((from, action), out var to) ? to : null;

    public static AssignmentStatus StatusOf(ScoreStatus? score) => score switch
    {
        null => AssignmentStatus.ToDo,
        ScoreStatus.Draft => AssignmentStatus.InProgress,
        _ => AssignmentStatus.Done,
    };
}
