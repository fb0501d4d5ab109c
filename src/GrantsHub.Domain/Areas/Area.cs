namespace GrantsHub.Domain.Areas;

/// <summary>
/// A local authority area (ONS code such as E08000021) with its Index of Multiple Deprivation
/// decile: 1 is the most deprived tenth of areas in England, 10 the least.
/// </summary>
public class Area
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public int DeprivationDecile { get; set; }
}
