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
