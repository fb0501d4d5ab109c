namespace GrantsHub.Domain.Common;

/// <summary>The roles a GrantsHub user can hold. A user holds exactly one of them.</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string FunderAdmin = nameof(FunderAdmin);
    public const string FunderViewer = nameof(FunderViewer);
    public const string Assessor = nameof(Assessor);
    public const string Applicant = nameof(Applicant);

    public static readonly IReadOnlyList<string> All =
        [PlatformAdmin, FunderAdmin, FunderViewer, Assessor, Applicant];
}
