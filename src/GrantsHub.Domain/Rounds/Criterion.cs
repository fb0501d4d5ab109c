namespace GrantsHub.Domain.Rounds;

/// <summary>An assessment criterion; a round's weights total 100.</summary>
public class Criterion
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }
    public string Guidance { get; set; } = "";
    public int Weight { get; set; }
    public int Order { get; set; }
}
