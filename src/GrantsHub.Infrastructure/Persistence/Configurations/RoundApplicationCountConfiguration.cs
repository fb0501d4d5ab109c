using GrantsHub.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class RoundApplicationCountConfiguration : IEntityTypeConfiguration<RoundApplicationCount>
{
    // Kept by triggers on "Applications" (see RoundApplicationCount). SQLite drops a table's triggers when EF Core rebuilds
    // the table in a migration: a migration that rebuilds "Applications" must create them again (RoundApplicationCountTests
    // fails on the migrated database when they are missing).
    public void Configure(EntityTypeBuilder<RoundApplicationCount> builder)
    {
        builder.ToTable("RoundApplicationCounts");
        builder.HasKey(c => new { c.RoundId, c.Status });
        builder.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
