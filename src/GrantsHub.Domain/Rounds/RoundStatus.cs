namespace GrantsHub.Domain.Rounds;

/// <summary>What a round is, as people see it. Open and Closed follow the clock.</summary>
public enum RoundStatus
{
    Draft,
    Upcoming,
    Open,
    Closed,
    InAssessment,
    Decided,
    Archived,
}

/// <summary>The stage a funder has moved a round to; the clock refines <see cref="Published"/>.</summary>
public enum RoundStage
{
    Draft,
    Published,
    InAssessment,
    Decided,
    Archived,
}

/// <summary>The one place that says which stage a funder may move a round to, and when.</summary>
public static class RoundStages
{
    public static bool CanMove(Round round, RoundStage to, DateTimeOffset now) => (round.StatusAt(now), to) switch
    {
        (RoundStatus.Draft, RoundStage.Published) => true,
        // Unpublishing is only safe before anyone could apply.
        (RoundStatus.Upcoming, RoundStage.Draft) => true,
        (RoundStatus.Closed, RoundStage.InAssessment) => true,
        (RoundStatus.InAssessment, RoundStage.Decided) => true,
        (RoundStatus.Decided, RoundStage.Archived) => true,
        _ => false,
    };
}
