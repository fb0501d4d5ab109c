using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.CharityNumber).HasMaxLength(20);
        builder.Property(o => o.CompanyNumber).HasMaxLength(20);
        builder.Property(o => o.Postcode).HasMaxLength(10);
        builder.Property(o => o.LocalAuthorityCode).HasMaxLength(12);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.ContactName).HasMaxLength(200);
        builder.Property(o => o.ContactPhone).HasMaxLength(40);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Area>().WithMany().HasForeignKey(o => o.LocalAuthorityCode).IsRequired(false);
        // Short lists of organisations by name, of one area or of all, are read in index order rather than sorted.
        builder.HasIndex(o => new { o.LocalAuthorityCode, o.Name });
        builder.HasIndex(o => o.Name);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> builder)
    {
        builder.HasOne(m => m.Organisation).WithMany(o => o.Members).HasForeignKey(m => m.OrganisationId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => new { m.UserId, m.OrganisationId }).IsUnique();
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(12);
        builder.Property(a => a.Name).HasMaxLength(120);
        builder.Property(a => a.Region).HasMaxLength(120);
        builder.ToTable(t => t.HasCheckConstraint("CK_Areas_Decile", "\"DeprivationDecile\" BETWEEN 1 AND 10"));
    }
}
