using GrantsHub.Domain.Funders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.OpenDataPrefix).HasMaxLength(60);
        builder.HasIndex(f => f.OpenDataPrefix).IsUnique();
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Purpose).HasMaxLength(4000);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasOne(p => p.Funder).WithMany(f => f.Programmes).HasForeignKey(p => p.FunderId);
    }
}
