namespace GrantsHub.Web.Features.Awards;

public static class AwardServices
{
    public static IServiceCollection AddAwards(this IServiceCollection services) => services
        .AddScoped<AwardFromDecision>();
}
