namespace GrantsHub.Infrastructure.Persistence;

/// <summary>
/// One row per saved change of any kind, written in the same transaction as the change (by
/// <see cref="GrantsHubDbContext"/> itself, so no feature can forget it). The newest id is the data's
/// version: a page kept under it is shown again only while nothing at all has changed since, on any
/// instance. Old rows are pruned; the newest is always kept.
/// </summary>
public sealed class DataChange
{
    public long Id { get; set; }
}
