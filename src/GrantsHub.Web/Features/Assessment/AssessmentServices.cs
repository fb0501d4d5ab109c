namespace GrantsHub.Web.Features.Assessment;

public static class AssessmentServices
{
    public static IServiceCollection AddAssessment(this IServiceCollection services) => services
        .AddScoped<PanelService>()
        .AddScoped<AssignmentService>()
        .AddScoped<ScoringService>()
        .AddScoped<RoundScores>()
        .AddScoped<Decisions.RecommendationService>()
        .AddScoped<Decisions.DecisionService>();
}
