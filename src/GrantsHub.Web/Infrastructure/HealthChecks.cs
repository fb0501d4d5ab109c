using System.Text.Json;
using GrantsHub.Infrastructure.Persistence;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrantsHub.Web.Infrastructure;

public static class HealthChecks
{
    public static IServiceCollection AddGrantsHubHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<GrantsHubDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("job-storage");
        return services;
    }

    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Healthy when Hangfire's storage answers a query.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is unreachable.", ex));
        }
    }
}
