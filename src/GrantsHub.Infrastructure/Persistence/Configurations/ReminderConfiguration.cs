using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class FunderReminderSettingsConfiguration : IEntityTypeConfiguration<FunderReminderSettings>
{
    public void Configure(EntityTypeBuilder<FunderReminderSettings> builder)
    {
        builder.HasKey(s => s.FunderId);
        builder.HasOne<Funder>().WithOne().HasForeignKey<FunderReminderSettings>(s => s.FunderId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.RoundClosingLeads);
        builder.Ignore(s => s.AgreementLeads);
    }
}

internal sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> builder)
    {
        builder.HasKey(o => new { o.UserId, o.Kind });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
