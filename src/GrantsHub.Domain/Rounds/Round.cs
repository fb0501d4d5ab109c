using GrantsHub.Domain.Common;
using GrantsHub.Domain.Funders;

namespace GrantsHub.Domain.Rounds;

/// <summary>One call for applications within a programme.</summary>
public class Round : IVersioned
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered through a sanitiser.</summary>
    public string Description { get; set; } = "";

    /// <summary>UTC instant; entered and shown in Europe/London.</summary>
    public DateTimeOffset OpensAt { get; set; }

    /// <summary>UTC instant; a submission is accepted up to and including this second.</summary>
    public DateTimeOffset ClosesAt { get; set; }

    public decimal Budget { get; set; }
    public decimal MinimumGrant { get; set; }
    public decimal MaximumGrant { get; set; }
    public int MaximumDurationMonths { get; set; } = 12;
    public RoundStage Stage { get; set; }
    public Guid Version { get; set; }

    public RoundStatus StatusAt(DateTimeOffset now) => Stage switch
    {
        RoundStage.Draft => RoundStatus.Draft,
        RoundStage.Published when now < OpensAt => RoundStatus.Upcoming,
        RoundStage.Published when now <= ClosesAt => RoundStatus.Open,
        RoundStage.Published => RoundStatus.Closed,
        RoundStage.InAssessment => RoundStatus.InAssessment,
        RoundStage.Decided => RoundStatus.Decided,
        _ => RoundStatus.Archived,
    };

    public bool IsAcceptingSubmissionsAt(DateTimeOffset now) => StatusAt(now) == RoundStatus.Open;
}
