using System.Globalization;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrantsHub.Benchmarks;

/// <summary>
/// Measurements that need the app's own services rather than HTTP, run against a generated instance
/// with the app's configuration (environment variables such as Database__Provider, as for the app):
///   scans [--now ISO] [--runs N] [--job NAME]   each reminder job's scan (or only NAME's) against the bare SQL it is built on
///   grants-memory                  memory while streaming each funder's grants.json, against its number of grants
///   changes --per-second N --seconds S   saves N changes a second for S seconds (pages measured meanwhile are drawn
///                                  afresh after each)
///   page-sql --password P [--runs N] [--detail yes] --page LABEL=PATH[,EMAIL] ...   the SQL alone of each page (hosts the app here)
/// </summary>
public static class Bench
{
    public const string Usage = "Usage: GrantsHub.Benchmarks scans [--now <ISO instant>] [--runs <n>] [--job <name>] | grants-memory | changes --per-second <n> --seconds <s> | page-sql --password <p> [--runs <n>] [--detail yes] --page <label>=<path>[,<email>] ...";

    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault();
        DateTimeOffset? now = null;
        var runs = 7;
        string? job = null;
        double perSecond = 1, seconds = 10;
        var pages = new List<PageToMeasure>();
        var password = "";
        var detail = false;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--now" when DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var n):
                    now = n.ToUniversalTime();
                    break;
                case "--runs" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    break;
                case "--per-second" when double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var p) && p > 0:
                    perSecond = p;
                    break;
                case "--seconds" when double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--job":
                    job = args[i + 1];
                    break;
                case "--detail":
                    detail = args[i + 1] is "yes" or "true";
                    break;
                case "--password":
                    password = args[i + 1];
                    break;
                case "--page" when args[i + 1].Split('=', 2) is [var label, var address] && address.StartsWith('/'):
                    var at = address.LastIndexOf(',');
                    pages.Add(at > 0 ? new PageToMeasure(label, address[..at], address[(at + 1)..]) : new PageToMeasure(label, address, null));
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (command is not ("scans" or "grants-memory" or "changes" or "page-sql") || (command == "page-sql" && pages.Count == 0))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var hosting = command == "page-sql";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            WebRootPath = hosting ? WebRoot.Locate(Directory.GetCurrentDirectory()) : null,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pages:KeepUntilChange"] = "false", // every page is drawn afresh, so its queries are sent
            ["Jobs:RunServer"] = "false",
            ["App:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        });
        builder.AddGrantsHub();
        builder.Services.AddSingleton<CommandRecorder>();
        builder.Services.ConfigureDbContext<GrantsHubDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CommandRecorder>()));
        if (now is { } fixedNow)
        {
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(fixedNow));
        }

        if (hosting)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // The app's controllers and views live in its own assembly, not in this entry assembly.
            builder.Services.AddControllersWithViews().AddApplicationPart(typeof(WebRoot).Assembly);
        }

        await using var app = builder.Build();
        if (hosting)
        {
            app.UseGrantsHub();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            await PageSqlBenchmark.RunAsync(app.Services, new Uri(address), pages, password, runs, detail, Console.Out);
            await app.StopAsync();
        }
        else if (command == "scans")
        {
            await ScanBenchmark.RunAsync(app.Services, runs, job, Console.Out);
        }
        else if (command == "changes")
        {
            await ChangeStream.RunAsync(app.Services, perSecond, TimeSpan.FromSeconds(seconds), Console.Out);
        }
        else
        {
            await GrantsMemoryBenchmark.RunAsync(app.Services, Console.Out);
        }

        return 0;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
