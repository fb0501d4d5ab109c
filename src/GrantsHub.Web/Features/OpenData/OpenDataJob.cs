using GrantsHub.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.OpenData;

/// <summary>Regenerates open data snapshots: one funder's after a decision, every funder's nightly.</summary>
public sealed class OpenDataJob(GrantsHubDbContext db, OpenDataPublisher publisher)
{
    public Task RegenerateAsync(int funderId, CancellationToken cancellationToken) => publisher.RegenerateAsync(funderId, cancellationToken);

    public async Task RegenerateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var funderId in await db.Funders.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken))
        {
            await publisher.RegenerateAsync(funderId, cancellationToken);
        }
    }
}

/// <summary>Asks for a funder's open data to be regenerated soon, after a decision changes what was awarded.</summary>
public interface IOpenDataRefresh
{
    void RefreshSoon(int funderId);
}

internal sealed class HangfireOpenDataRefresh(IBackgroundJobClient client) : IOpenDataRefresh
{
    public void RefreshSoon(int funderId) => client.Enqueue<OpenDataJob>(job => job.RegenerateAsync(funderId, CancellationToken.None));
}
