namespace GrantsHub.Domain.Partnerships;

// CA1720 reads "Signed" as the C# keyword for signed integers; here it is the word people use for a signed agreement.
#pragma warning disable CA1720

/// <summary>What an agreement is, as people see it. Expired follows the clock.</summary>
public enum AgreementStatus
{
    Draft,
    Signed,
    Active,
    UnderReview,
    Expired,
    Terminated,
}

/// <summary>The stage the lead organisation has moved an agreement to; the clock refines it into Expired.</summary>
public enum AgreementStage
{
    Draft,
    Signed,
    Active,
    UnderReview,
    Terminated,
}

#pragma warning restore CA1720

/// <summary>A move the lead organisation can make, named as people say it.</summary>
public enum AgreementAction
{
    Sign,
    Activate,
    StartReview,
    CompleteReview,
    Terminate,
}

/// <summary>The one place that says which moves an agreement allows, and what each leads to.</summary>
public static class AgreementLifecycle
{
    private static readonly Dictionary<(AgreementStatus From, AgreementAction Action), AgreementStage> Moves = new()
    {
        [(AgreementStatus.Draft, AgreementAction.Sign)] = AgreementStage.Signed,
        [(AgreementStatus.Signed, AgreementAction.Activate)] = AgreementStage.Active,
        [(AgreementStatus.Active, AgreementAction.StartReview)] = AgreementStage.UnderReview,
        [(AgreementStatus.UnderReview, AgreementAction.CompleteReview)] = AgreementStage.Active,
        [(AgreementStatus.Draft, AgreementAction.Terminate)] = AgreementStage.Terminated,
        [(AgreementStatus.Signed, AgreementAction.Terminate)] = AgreementStage.Terminated,
        [(AgreementStatus.Active, AgreementAction.Terminate)] = AgreementStage.Terminated,
        [(AgreementStatus.UnderReview, AgreementAction.Terminate)] = AgreementStage.Terminated,
        [(AgreementStatus.Expired, AgreementAction.Terminate)] = AgreementStage.Terminated,
    };

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The stage an action leads to from a status, or null when it is not allowed.</summary>
    public static AgreementStage? Next(AgreementStatus from, AgreementAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static IReadOnlyList<AgreementAction> ActionsFrom(AgreementStatus from) =>
        Moves.Keys.Where(k => k.From == from).Select(k => k.Action).ToList();

    /// <summary>The calendar date in the UK at an instant: an agreement's dates are UK dates.</summary>
    public static DateOnly UkDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);

    /// <summary>
    /// A signed, active or under-review agreement has expired once its end date has passed in the UK:
    /// it runs to the end of its last day. Draft and terminated agreements never expire.
    /// </summary>
    public static AgreementStatus StatusAt(AgreementStage stage, DateOnly endsOn, DateTimeOffset now) => stage switch
    {
        AgreementStage.Draft => AgreementStatus.Draft,
        AgreementStage.Terminated => AgreementStatus.Terminated,
        _ when UkDate(now) > endsOn => AgreementStatus.Expired,
        AgreementStage.Signed => AgreementStatus.Signed,
        AgreementStage.Active => AgreementStatus.Active,
        _ => AgreementStatus.UnderReview,
    };
}
