namespace GrantsHub.Web.Features.PersonalData;

public static class PersonalDataServices
{
    /// <summary>Download my data, erasure on request and retention.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<PersonErasure>();
        services.AddScoped<RetentionJob>();
        return services;
    }
}
