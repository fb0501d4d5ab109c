using GrantsHub.Infrastructure.Email;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Features.Assessment;
using GrantsHub.Web.Features.Partnerships;
using GrantsHub.Web.Features.Equality;
using GrantsHub.Web.Features.Awards;
using GrantsHub.Web.Features.PersonalData;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure.Auditing;
using GrantsHub.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace GrantsHub.Web.Infrastructure;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddGrantsHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a proxy on the same host or network (nginx, a load balancer): trust its scheme header so
            // cookies are marked Secure and HSTS is sent when the public connection is HTTPS.
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddHttpContextAccessor();

        services.AddPersistence(configuration, builder.Environment.ContentRootPath);

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<GrantsHubDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<GrantsHubClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.Cookie.Name = "grantshub.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request (or proxy) is HTTPS
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The once-a-minute security-stamp check, without building Identity's validator when it is not due.
            options.Events.OnValidatePrincipal = SignInCheck.WhenDueAsync;
            // A signed-in user without the right role gets a real 403 (rendered by the status code
            // page), not a redirect that looks like success.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Password-reset links, and team invitations that use them to set a first password, last three days.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        // Security stamp is checked every minute so signing out everywhere takes effect quickly.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });

        services.AddDataProtection()
            .SetApplicationName("GrantsHub")
            .PersistKeysToDbContext<GrantsHubDbContext>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieNames.Antiforgery;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        // No fallback policy: it would send anonymous visitors of unknown pages to sign-in instead of
        // a 404. Every action states its policy instead, enforced by the architecture tests.
        services.AddAuthorization(Policies.Register);

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<OneConnectionPerPageFilter>();
            })
            .AddRazorOptions(options =>
            {
                // Views live beside their controller in Features/<Feature>/; partials and the layout in Shared/.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationExpanders.Add(new FeatureViewLocations());
            });
        ReusedRequestTokens.Register(services);
        KeptSignInTickets.Register(services);
        services.AddRouting(o => o.LowercaseUrls = true);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = CookieNames.Flash;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddScoped<IAuditLog, AuditLog>();
        services.Configure<KeptPageOptions>(configuration.GetSection(KeptPageOptions.Section));
        services.AddSingleton<KeptPageStore>();
        services.AddSingleton<KeptPageMetrics>();
        services.AddTransient<IEmailSender, MailKitEmailSender>();
        services.AddEmail();
        services.AddJobs(configuration, builder.Environment.ContentRootPath);
        services.AddFileStore(configuration, builder.Environment.ContentRootPath);
        services.AddApplicantFeatures();
        services.AddGrantsHubHealthChecks();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<GrantsHub.Web.Features.Account.RegistrationHandler>();
        services.AddScoped<GrantsHub.Web.Features.Rounds.RoundSetupService>();
        services.AddScoped<GrantsHub.Web.Features.Admin.StaffInvitations>();
        services.AddAssessment();
        services.AddPartnershipFeatures();
        services.AddEquality();
        services.AddAwards();
        services.AddPersonalData();
        return builder;
    }
}
