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

    /// <summary>Eligibility: kinds of organisation allowed (any of them); none means all.</summary>
    public OrganisationTypes AllowedOrganisationTypes { get; set; }

    /// <summary>Eligibility: organisations must have an annual income under this; null means no limit.</summary>
    public decimal? MaximumAnnualIncome { get; set; }

    /// <summary>Eligibility: local authority areas served; empty means anywhere.</summary>
    public List<RoundArea> Areas { get; set; } = [];

    public List<RingFence> RingFences { get; set; } = [];
    public List<Criterion> Criteria { get; set; } = [];
    public List<Forms.FormSection> Sections { get; set; } = [];

    /// <summary>Assessment score scale, e.g. 0–4 or 1–5.</summary>
    public int ScoreMinimum { get; set; }

    public int ScoreMaximum { get; set; } = 4;

    /// <summary>The round this one was copied from, if any.</summary>
    public int? CopiedFromRoundId { get; set; }

    public Guid Version { get; set; }

    public RoundStatus StatusAt(DateTimeOffset now) => StatusAt(Stage, OpensAt, ClosesAt, now);

    /// <summary>The same, from the three values it depends on, for lists that read only those.</summary>
    public static RoundStatus StatusAt(RoundStage stage, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) => stage switch
    {
        RoundStage.Draft => RoundStatus.Draft,
        RoundStage.Published when now < opensAt => RoundStatus.Upcoming,
        RoundStage.Published when now <= closesAt => RoundStatus.Open,
        RoundStage.Published => RoundStatus.Closed,
        RoundStage.InAssessment => RoundStatus.InAssessment,
        RoundStage.Decided => RoundStatus.Decided,
        _ => RoundStatus.Archived,
    };

    public bool IsAcceptingSubmissionsAt(DateTimeOffset now) => StatusAt(now) == RoundStatus.Open;
}
