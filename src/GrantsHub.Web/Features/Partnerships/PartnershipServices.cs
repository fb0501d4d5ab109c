namespace GrantsHub.Web.Features.Partnerships;

public static class PartnershipServices
{
    public static IServiceCollection AddPartnershipFeatures(this IServiceCollection services)
    {
        services.AddScoped<AgreementHandler>();
        services.AddScoped<PartnershipMap>();
        return services;
    }
}
