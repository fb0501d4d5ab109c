using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Account;

public sealed record RegistrationOutcome(ApplicationUser? User, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Creates an applicant account and its organisation together, or neither.</summary>
public sealed class RegistrationHandler(GrantsHubDbContext db, UserManager<ApplicationUser> users, IAuditLog audit, TimeProvider clock)
{
    public async Task<RegistrationOutcome> RegisterAsync(RegisterViewModel model)
    {
        if (await users.FindByEmailAsync(model.Email) is not null)
        {
            return Fail(nameof(model.Email), "An account with this email address already exists. Sign in, or reset your password.");
        }

        if (!string.IsNullOrEmpty(model.LocalAuthorityCode) && !await db.Areas.AnyAsync(a => a.Code == model.LocalAuthorityCode))
        {
            return Fail(nameof(model.LocalAuthorityCode), "Select a local authority area from the list");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            UserName = model.Email,
            Email = model.Email,
            DisplayName = model.FullName.Trim(),
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, model.Password);
        if (!created.Succeeded)
        {
            return new RegistrationOutcome(null, created.Errors.Select(e => (FieldFor(e), e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        var organisation = new Organisation
        {
            Name = model.OrganisationName.Trim(),
            LegalForm = model.LegalForm!.Value,
            CharityNumber = string.IsNullOrWhiteSpace(model.CharityNumber) ? null : OrganisationNumbers.Normalise(model.CharityNumber),
            CompanyNumber = string.IsNullOrWhiteSpace(model.CompanyNumber) ? null : OrganisationNumbers.Normalise(model.CompanyNumber),
            LocalAuthorityCode = string.IsNullOrEmpty(model.LocalAuthorityCode) ? null : model.LocalAuthorityCode,
            IsUserLed = model.IsUserLed,
            IsCommunityLed = model.IsCommunityLed,
            ContactEmail = model.Email,
            CreatedAt = now,
        };
        organisation.Members.Add(new OrganisationMember { UserId = user.Id, Role = MemberRole.Owner, JoinedAt = now });
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        audit.Record(AuditKinds.OrganisationRegistered, $"{organisation.Name} registered by {user.DisplayName}",
            new AuditScope(OrganisationId: organisation.Id), entityType: "Organisation", entityId: organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new RegistrationOutcome(user, []);
    }

    private static RegistrationOutcome Fail(string field, string message) => new(null, [(field, message)]);

    private static string FieldFor(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterViewModel.Password) : nameof(RegisterViewModel.Email);
}
