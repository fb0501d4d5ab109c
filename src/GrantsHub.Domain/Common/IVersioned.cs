namespace GrantsHub.Domain.Common;

/// <summary>
/// An entity edited through forms. <see cref="Version"/> is an optimistic-concurrency token that
/// changes on every save, so a second browser tab saving stale data is refused instead of
/// silently overwriting the first.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
