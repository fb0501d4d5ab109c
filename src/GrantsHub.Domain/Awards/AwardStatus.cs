namespace GrantsHub.Domain.Awards;

public enum AwardStatus
{
    /// <summary>Created from an approved decision; the funder is setting up the offer.</summary>
    Draft,

    /// <summary>Issued to the organisation, waiting for a signatory to accept or decline.</summary>
    Offered,

    /// <summary>Accepted by the organisation: the grant is live.</summary>
    Active,

    /// <summary>The organisation declined the offer.</summary>
    Declined,

    /// <summary>The funder withdrew the offer before acceptance (e.g. the decision changed).</summary>
    Withdrawn,

    /// <summary>All work done, reported and paid; closed by the funder.</summary>
    Completed,

    /// <summary>Ended early by the funder, with a reason.</summary>
    Terminated,
}

/// <summary>The one place that says which award status may follow which.</summary>
public static class AwardTransitions
{
    private static readonly Dictionary<AwardStatus, AwardStatus[]> Allowed = new()
    {
        [AwardStatus.Draft] = [AwardStatus.Offered, AwardStatus.Withdrawn],
        // The funder may recall an unanswered offer to correct it.
        [AwardStatus.Offered] = [AwardStatus.Active, AwardStatus.Declined, AwardStatus.Draft, AwardStatus.Withdrawn],
        [AwardStatus.Active] = [AwardStatus.Completed, AwardStatus.Terminated],
        [AwardStatus.Declined] = [],
        // Reinstated as a draft when the funder approves the application again.
        [AwardStatus.Withdrawn] = [AwardStatus.Draft],
        [AwardStatus.Completed] = [],
        [AwardStatus.Terminated] = [],
    };

    public static bool CanMove(AwardStatus from, AwardStatus to) => Allowed[from].Contains(to);

    /// <summary>The funder may change milestones, tranches, dates and conditions only before the offer is issued.</summary>
    public static bool IsEditableByFunder(AwardStatus status) => status == AwardStatus.Draft;
}
