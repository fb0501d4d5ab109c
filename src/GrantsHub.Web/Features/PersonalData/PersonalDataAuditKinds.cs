namespace GrantsHub.Web.Features.PersonalData;

public static class PersonalDataAuditKinds
{
    public const string Downloaded = "personal-data.downloaded";
    public const string Erased = "personal-data.erased";
    public const string RetentionRemoved = "personal-data.retention-removed";
}
