using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class PartnershipAgreementConfiguration : IEntityTypeConfiguration<PartnershipAgreement>
{
    public void Configure(EntityTypeBuilder<PartnershipAgreement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Purpose).HasMaxLength(4000);
        builder.Property(a => a.RenewalTerms).HasMaxLength(2000);
        builder.Property(a => a.SignedDocumentName).HasMaxLength(255);
        builder.Property(a => a.SignedDocumentContentType).HasMaxLength(120);
        builder.Property(a => a.SignedDocumentKey).HasMaxLength(80);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.LeadOrganisation).WithMany().HasForeignKey(a => a.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.LeadOrganisationId);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.Property(p => p.ExternalName).HasMaxLength(200);
        builder.Property(p => p.ContactName).HasMaxLength(200);
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.Property(p => p.Responsibilities).HasMaxLength(2000);
        builder.HasOne<PartnershipAgreement>().WithMany(a => a.Parties).HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgreementId, p.OrganisationId }).IsUnique().HasFilter("\"OrganisationId\" IS NOT NULL");
        builder.HasIndex(p => p.OrganisationId);
        builder.HasIndex(p => p.AgreementId); // the unique index above is partial (GrantsHub organisations only), so it cannot find an agreement's parties
        builder.ToTable(t => t.HasCheckConstraint("CK_AgreementParties_OneKind",
            "(\"OrganisationId\" IS NOT NULL AND \"ExternalName\" IS NULL) OR (\"OrganisationId\" IS NULL AND \"ExternalName\" IS NOT NULL AND \"ExternalKind\" IS NOT NULL)"));
    }
}

internal sealed class AgreementAwardConfiguration : IEntityTypeConfiguration<AgreementAward>
{
    public void Configure(EntityTypeBuilder<AgreementAward> builder)
    {
        builder.HasKey(l => new { l.AgreementId, l.AwardId });
        builder.HasOne<PartnershipAgreement>().WithMany(a => a.Awards).HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Award>().WithMany().HasForeignKey(l => l.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.AwardId);
    }
}
