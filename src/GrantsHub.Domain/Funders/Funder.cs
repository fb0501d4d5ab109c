namespace GrantsHub.Domain.Funders;

public enum FunderKind
{
    LocalAuthority,
    NhsBody,
    CharitableTrust,
    Other,
}

public class Funder
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public FunderKind Kind { get; set; }

    /// <summary>The 360Giving identifier prefix registered for this funder, e.g. <c>360G-northshire</c>.</summary>
    public required string OpenDataPrefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public List<Programme> Programmes { get; set; } = [];
}
