using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Awards;

/// <summary>What is stored about a report; <see cref="ReportStatus.Overdue"/> is added by the clock.</summary>
public enum ReportStage
{
    NotStarted,
    Submitted,
    Accepted,
    ChangesRequested,
}

public enum ReportStatus
{
    NotStarted,
    Submitted,
    Accepted,
    ChangesRequested,
    Overdue,
}

public enum ReportAction
{
    Submit,
    Accept,
    RequestChanges,
}

/// <summary>Periodic progress with outcome figures; the last one of an award is the final report.</summary>
public class MonitoringReport : IVersioned
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public Award? Award { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>UK calendar dates of the period reported on, inclusive.</summary>
    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>UK calendar date; on time up to the end of this day in London.</summary>
    public DateOnly DueDate { get; set; }

    public bool IsFinal { get; set; }
    public ReportStage Stage { get; set; }

    /// <summary>People reached in the period, in total (people may belong to several communities, so this is not the sum of the outcomes).</summary>
    public int? PeopleReached { get; set; }

    public string Narrative { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string? ReviewComment { get; set; }

    /// <summary>People reached by community, one row per DEI code, so equality measures can sum them in SQL.</summary>
    public List<ReportOutcome> Outcomes { get; set; } = [];

    public List<AwardFile> Files { get; set; } = [];
    public Guid Version { get; set; }

    public ReportStatus StatusOn(DateOnly today) => ReportRules.StatusOf(Stage, DueDate, today);

    public void Apply(ReportAction action)
    {
        Stage = ReportRules.Next(Stage, action)
            ?? throw new InvalidOperationException($"A report that is {Stage} cannot take the action {action}.");
    }
}

/// <summary>People reached by one community (a 360Giving DEI code) in one report.</summary>
public class ReportOutcome
{
    public int Id { get; set; }
    public int MonitoringReportId { get; set; }
    public required string DeiCode { get; set; }
    public int Count { get; set; }
}

/// <summary>The one place that says how a monitoring report moves, when it is overdue and when reports fall due.</summary>
public static class ReportRules
{
    private static readonly Dictionary<(ReportStage From, ReportAction Action), ReportStage> Moves = new()
    {
        [(ReportStage.NotStarted, ReportAction.Submit)] = ReportStage.Submitted,
        [(ReportStage.ChangesRequested, ReportAction.Submit)] = ReportStage.Submitted,
        [(ReportStage.Submitted, ReportAction.Accept)] = ReportStage.Accepted,
        [(ReportStage.Submitted, ReportAction.RequestChanges)] = ReportStage.ChangesRequested,
    };

    /// <summary>Days after the end of a period that its report is due.</summary>
    public const int DaysToReport = 30;

    public static ReportStage? Next(ReportStage from, ReportAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static bool Can(ReportStage from, ReportAction action) => Next(from, action) is not null;

    public static ReportStatus StatusOf(ReportStage stage, DateOnly dueDate, DateOnly today) =>
        stage is ReportStage.NotStarted or ReportStage.ChangesRequested && today > dueDate
            ? ReportStatus.Overdue
            : (ReportStatus)stage;

    /// <summary>
    /// A report every <paramref name="intervalMonths"/> months from the start, the last period running to
    /// the end date and being the final report; each due <see cref="DaysToReport"/> days after its period.
    /// </summary>
    public static IReadOnlyList<MonitoringReport> Schedule(DateOnly start, DateOnly end, int intervalMonths)
    {
        if (intervalMonths < 1 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMonths), "The interval must be at least a month and the end after the start.");
        }

        var reports = new List<MonitoringReport>();
        var periodStart = start;
        while (periodStart <= end)
        {
            var periodEnd = periodStart.AddMonths(intervalMonths).AddDays(-1);
            var final = periodEnd >= end;
            if (final)
            {
                periodEnd = end;
            }

            var number = reports.Count + 1;
            reports.Add(new MonitoringReport
            {
                Number = number,
                Title = final ? "Final report" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Progress report {number}"),
                PeriodStart = periodStart, PeriodEnd = periodEnd, DueDate = periodEnd.AddDays(DaysToReport), IsFinal = final,
            });
            periodStart = periodEnd.AddDays(1);
        }

        return reports;
    }
}
