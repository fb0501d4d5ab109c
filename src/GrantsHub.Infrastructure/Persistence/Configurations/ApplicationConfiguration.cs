using GrantsHub.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> builder)
    {
        builder.ToTable("Applications");
        builder.Property(a => a.ProjectTitle).HasMaxLength(200);
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Reference).IsUnique();
        // The organisation is in the index too, so that "which organisations applied to this round" (the assessors' conflict
        // declarations, counted and listed) is read from the index alone rather than from each application's row.
        builder.HasIndex(a => new { a.RoundId, a.Status, a.OrganisationId });
        // A round's applications, newest submission first: the funder's list reads its page in this order, not by sorting
        // the whole round.
        builder.HasIndex(a => new { a.RoundId, a.SubmittedAt, a.Id }).IsDescending(false, true, false);
        builder.HasIndex(a => new { a.OrganisationId, a.RoundId }).IsUnique();
        builder.Property(a => a.SubmittedByUserId).HasMaxLength(450);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.HasOne(a => a.Round).WithMany().HasForeignKey(a => a.RoundId);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId);
    }
}
