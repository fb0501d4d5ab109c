using GrantsHub.Domain.Applications;

namespace GrantsHub.Infrastructure.Persistence;

/// <summary>
/// How many of a round's applications have a status, kept by the database itself: triggers on the applications table
/// (added by the migration <c>RoundApplicationCounts</c>, one per provider) add and take away one in the same transaction as
/// every insert, delete and change of status or round, however it is made (a save, a bulk delete, the retention job, a
/// cascade from a deleted round or organisation, SQL by hand). The funder's dashboard reads these few rows instead of
/// counting every application of its rounds on each view. Never written by the app.
/// </summary>
public sealed class RoundApplicationCount
{
    public int RoundId { get; set; }

    public ApplicationStatus Status { get; set; }

    public int Count { get; set; }
}
