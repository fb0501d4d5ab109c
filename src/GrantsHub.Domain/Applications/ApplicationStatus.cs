namespace GrantsHub.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Withdrawn,
    UnderAssessment,
    Approved,
    Declined,
}

/// <summary>The one place that says which application status may follow which.</summary>
public static class ApplicationTransitions
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted],
        [ApplicationStatus.Submitted] = [ApplicationStatus.Withdrawn, ApplicationStatus.UnderAssessment],
        [ApplicationStatus.Withdrawn] = [],
        [ApplicationStatus.UnderAssessment] = [ApplicationStatus.Approved, ApplicationStatus.Declined],
        [ApplicationStatus.Approved] = [ApplicationStatus.Declined],
        [ApplicationStatus.Declined] = [ApplicationStatus.Approved],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Allowed[from].Contains(to);
}
