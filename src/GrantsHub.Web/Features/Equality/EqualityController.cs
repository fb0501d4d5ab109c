using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Equality;

/// <summary>The funder's equality dashboard: who applied, who was funded and how they were scored, by group.</summary>
[Route("funder/equality")]
public sealed class EqualityController(EqualityDashboardQuery query) : Controller
{
    public static readonly string[] Sections = ["access", "experience", "ring-fences", "outcomes", "reached", "trend", "benchmark"];

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard(int? programmeId, int? roundId)
    {
        var model = await query.LoadAsync(User.RequireFunderId(), programmeId, roundId);
        return model is null ? NotFound() : View("EqualityDashboard", model);
    }

    /// <summary>Every group of one dimension (all local authority areas, say), a page at a time, with their outcomes.</summary>
    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("groups/{dimension}")]
    public async Task<IActionResult> Groups(string dimension, int? programmeId, int? roundId, int page = 1)
    {
        var model = await query.LoadAsync(User.RequireFunderId(), programmeId, roundId);
        var whole = model?.Report.Dimensions.FirstOrDefault(d => d.Key == dimension);
        if (model is null || whole is null)
        {
            return NotFound();
        }

        var groups = await Paging.PageAsync(whole.Groups.Count, page, EqualityTables.GroupsPerPage,
            (skip, take) => ValueTask.FromResult(whole.Groups.Skip(skip).Take(take).ToList()));
        var shown = groups.Items.Select(g => g.Group).ToHashSet(StringComparer.Ordinal);
        var outcomes = model.Report.Outcomes.FirstOrDefault(o => o.Key == dimension)?.Groups.Where(g => shown.Contains(g.Group)).ToList() ?? [];
        return View("EqualityGroups", new EqualityGroups(model, whole, groups, outcomes));
    }

    /// <summary>One table of the dashboard as CSV, with the same suppression as the page.</summary>
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("download")]
    public async Task<IActionResult> Download(int? programmeId, int? roundId, string section, string? dimension)
    {
        var model = await query.LoadAsync(User.RequireFunderId(), programmeId, roundId);
        if (model is null || !Sections.Contains(section))
        {
            return NotFound();
        }

        var report = model.Report;
        var dimensions = report.Dimensions.Where(d => dimension is null || d.Key == dimension).ToList();
        var (headers, rows) = section switch
        {
            "access" => (EqualityTables.AccessHeaders, dimensions.SelectMany(d => EqualityTables.Access(d, report.Overall))),
            "experience" => (EqualityTables.ExperienceHeaders, dimensions.SelectMany(d => EqualityTables.Experience(d, report.Overall))),
            "ring-fences" => (EqualityTables.RingFenceHeaders, EqualityTables.RingFences(report)),
            "outcomes" => (EqualityTables.OutcomeHeaders, report.Outcomes.Where(d => dimension is null || d.Key == dimension).SelectMany(EqualityTables.Outcomes)),
            "reached" => (EqualityTables.ReachedHeaders, EqualityTables.Reached(report)),
            "trend" => (EqualityTables.TrendHeaders, EqualityTables.Trend(report)),
            _ => (EqualityTables.BenchmarkHeaders, EqualityTables.Benchmark(model.Benchmark)),
        };
        var name = dimension is null ? section : $"{section}-{dimension}";
        return File(CsvExport.Build(headers, rows.ToList()), "text/csv", $"equality-{name}.csv");
    }
}
