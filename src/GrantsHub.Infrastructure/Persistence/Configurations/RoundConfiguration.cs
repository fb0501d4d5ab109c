using GrantsHub.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(20000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Programme).WithMany(p => p.Rounds).HasForeignKey(r => r.ProgrammeId);
        builder.HasIndex(r => new { r.Stage, r.ClosesAt });
        builder.Property(r => r.AllowedOrganisationTypes).HasConversion<int>(); // flags: a string would not fit
    }
}
