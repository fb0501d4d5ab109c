namespace GrantsHub.Web.Features.Equality;

public static class EqualityServices
{
    public static IServiceCollection AddEquality(this IServiceCollection services) => services
        .AddMemoryCache()
        .AddSingleton<Infrastructure.AreaChoices>()
        .AddScoped<BenchmarkFigures>()
        .AddScoped<EqualityFactsQuery>()
        .AddScoped<EqualityDashboardQuery>()
        .AddScoped<OpenData.OpenDataPublisher>();
}
