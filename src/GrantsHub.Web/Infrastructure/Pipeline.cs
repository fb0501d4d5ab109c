using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>Applies migrations, makes sure the roles exist, and seeds demo data when asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
        await db.Database.MigrateAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<AppOptions>>().Value;
        if (options.SeedDemoData || app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
        }

        JobsSetup.RegisterRecurringJobs(app.Services);
    }

    public static WebApplication UseGrantsHub(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts(); // sent only on HTTPS requests, e.g. behind a TLS-terminating proxy
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Numbers, money and dates are read and written the British way whatever the server's locale.
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(UkTime.Culture);
            o.SupportedCultures = [UkTime.Culture];
            o.SupportedUICultures = [UkTime.Culture];
            o.RequestCultureProviders.Clear();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthChecks.WriteJson }).AllowAnonymous();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            // Access is decided by the endpoint's policy below, not by Hangfire's local-only default.
            Authorization = [],
            AppPath = "/funder",
            DashboardTitle = "GrantsHub jobs",
        }).RequireAuthorization(Policies.FunderAdmin);
        app.MapControllers();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("GrantsHub is running at {Urls}", urls);
        });
        return app;
    }
}
