using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.Benchmarks;

/// <summary>A page to measure: its label, its address (path and query) and who asks for it (an email, or null).</summary>
public sealed record PageToMeasure(string Label, string Path, string? Email);

/// <summary>
/// The SQL alone of each page: the page is asked for once through the app hosted here (pages drawn afresh, as when
/// keeping is off), every query it sends is recorded, and those queries are then sent again by hand on one fresh
/// connection per run (as the app opens one per page), with every value of every row read, and timed. Nothing else of
/// the page runs in that figure: no sign-in, no EF, no view. It is the least any way of drawing the page could cost
/// while it reads what it reads, so it shows how close to the bare page a page drawn afresh could ever come. With
/// detail, each query is also timed alone (each on its own connection, so the parts add up to a little more).
/// </summary>
public static partial class PageSqlBenchmark
{
    public const int WarmUpRuns = 200;

    public static async Task RunAsync(IServiceProvider services, Uri app, IReadOnlyList<PageToMeasure> pages, string password, int runs, bool detail, TextWriter output)
    {
        var recorder = services.GetRequiredService<CommandRecorder>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"page",-28} {"queries",7} {"rows",7} {"SQL us",8} {"prepared us",12}   (median of {runs} runs after {WarmUpRuns} untimed ones)"));
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var page in pages)
            {
                var key = page.Email ?? "";
                if (!clients.TryGetValue(key, out var client))
                {
                    client = await ClientAsync(app, page.Email, password);
                    clients[key] = client;
                }

                // Once unrecorded, so that what happens only on a first visit (a sign-in check, a key written) is not
                // counted; then once recorded.
                using (var first = await client.GetAsync(new Uri(app, page.Path)))
                {
                    if (first.StatusCode != HttpStatusCode.OK)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {page.Label,-28} HTTP {(int)first.StatusCode}, not measured"));
                        continue;
                    }
                }

                recorder.Start();
                IReadOnlyList<RecordedCommand> commands;
                try
                {
                    using var recorded = await client.GetAsync(new Uri(app, page.Path));
                    recorded.EnsureSuccessStatusCode();
                }
                finally
                {
                    commands = recorder.Stop();
                }

                var rows = await ScanBenchmark.BareAsync(services, commands);
                var asSent = await MedianAsync(WarmUpRuns, runs, () => ScanBenchmark.BareAsync(services, commands));
                var prepared = await PreparedAsync(services, commands, runs);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {page.Label,-28} {commands.Count,7} {rows,7:N0} {asSent,8:F0} {prepared,12:F0}"));
                if (detail)
                {
                    foreach (var command in commands)
                    {
                        var each = await MedianAsync(0, runs, () => ScanBenchmark.BareAsync(services, [command]));
                        var text = string.Join(' ', command.Text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {each,8:F0} us  {text[..Math.Min(text.Length, 150)]}"));
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// The same queries with each statement prepared once and kept, then only run: the median time of running them all.
    /// SQLite's driver prepares (parses and plans) every statement afresh each time it is sent, so the difference from
    /// the figure as sent is what preparing costs the page. On PostgreSQL both are wall times of round trips to the server.
    /// </summary>
    private static async Task<double> PreparedAsync(IServiceProvider services, IReadOnlyList<RecordedCommand> commands, int runs)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var prepared = new List<DbCommand>();
        try
        {
            foreach (var recorded in commands)
            {
                var command = connection.CreateCommand();
                prepared.Add(command);
                command.CommandText = recorded.Text;
                foreach (var parameter in recorded.Parameters)
                {
                    command.Parameters.Add(parameter.For(command));
                }

                await command.PrepareAsync();
            }

            return await MedianAsync(WarmUpRuns, runs, async () =>
            {
                foreach (var command in prepared)
                {
                    await using var reader = await command.ExecuteReaderAsync();
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync())
                    {
                        reader.GetValues(values);
                    }
                }
            });
        }
        finally
        {
            foreach (var command in prepared)
            {
                await command.DisposeAsync();
            }

            await connection.CloseAsync();
        }
    }

    /// <summary>Runs <paramref name="once"/> <paramref name="warmUp"/> times untimed, then <paramref name="runs"/> times: the median in µs.</summary>
    private static async Task<double> MedianAsync(int warmUp, int runs, Func<Task> once)
    {
        for (var run = 0; run < warmUp; run++)
        {
            await once();
        }

        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await once();
            times.Add(TimeProvider.System.GetElapsedTime(started).TotalMicroseconds);
        }

        return ScanBenchmark.Median(times);
    }

    /// <summary>A client with its own cookies, signed in as <paramref name="email"/> (anonymous when null).</summary>
    private static async Task<HttpClient> ClientAsync(Uri app, string? email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = app };
        if (email is null)
        {
            return client;
        }

        var form = await client.GetStringAsync(new Uri(app, "/account/sign-in"));
        var token = TokenField().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no form token.");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        var signedIn = await client.PostAsync(new Uri(app, "/account/sign-in"), body);
        signedIn.EnsureSuccessStatusCode();
        if (signedIn.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Could not sign in as {email}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();
}
