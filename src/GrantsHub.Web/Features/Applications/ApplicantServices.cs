using GrantsHub.Web.Features.Organisations;
using GrantsHub.Web.Features.Rounds;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.Web.Features.Applications;

public static class ApplicantServices
{
    /// <summary>The organisation side: profiles, invitations, public round pages and applying.</summary>
    public static IServiceCollection AddApplicantFeatures(this IServiceCollection services)
    {
        services.AddSingleton<SafeMarkdown>();
        services.AddScoped<RoundPageQuery>();
        services.AddScoped<OrganisationProfileHandler>();
        services.AddScoped<InvitationHandler>();
        services.AddScoped<ApplyHandler>();
        services.AddScoped<AnswersHandler>();
        services.AddScoped<SubmissionHandler>();
        services.AddScoped<AttachmentHandler>();
        services.AddScoped<OrganisationTrailQuery>();
        return services;
    }
}
