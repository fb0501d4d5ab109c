using GrantsHub.Domain.Rounds;

namespace GrantsHub.Domain.Funders;

/// <summary>A funder's fund with a purpose and a total budget, holding one or more rounds.</summary>
public class Programme
{
    public int Id { get; set; }
    public int FunderId { get; set; }
    public Funder? Funder { get; set; }
    public required string Name { get; set; }
    public string Purpose { get; set; } = "";
    public decimal TotalBudget { get; set; }
    public string Currency { get; set; } = "GBP";
    public List<Round> Rounds { get; set; } = [];
}
