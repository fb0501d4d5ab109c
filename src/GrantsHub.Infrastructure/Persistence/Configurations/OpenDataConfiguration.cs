using GrantsHub.Domain.Funders;
using GrantsHub.Domain.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class OpenDataSnapshotConfiguration : IEntityTypeConfiguration<OpenDataSnapshot>
{
    public void Configure(EntityTypeBuilder<OpenDataSnapshot> builder)
    {
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.PublishedByUserId).HasMaxLength(450);
        builder.HasOne<Funder>().WithMany().HasForeignKey(s => s.FunderId);
        builder.HasIndex(s => new { s.FunderId, s.GeneratedAt });
    }
}

internal sealed class OpenDataGrantConfiguration : IEntityTypeConfiguration<OpenDataGrant>
{
    public void Configure(EntityTypeBuilder<OpenDataGrant> builder)
    {
        builder.Property(g => g.GrantId).HasMaxLength(120);
        builder.Property(g => g.ContentHash).HasMaxLength(64);
        builder.HasOne<OpenDataSnapshot>().WithMany().HasForeignKey(g => g.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.SnapshotId, g.GrantId });
    }
}
