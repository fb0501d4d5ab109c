using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class RoundAreaConfiguration : IEntityTypeConfiguration<RoundArea>
{
    public void Configure(EntityTypeBuilder<RoundArea> builder)
    {
        builder.HasKey(a => new { a.RoundId, a.AreaCode });
        builder.Property(a => a.AreaCode).HasMaxLength(12);
        builder.HasOne<Round>().WithMany(r => r.Areas).HasForeignKey(a => a.RoundId);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaCode);
    }
}

internal sealed class RingFenceConfiguration : IEntityTypeConfiguration<RingFence>
{
    public void Configure(EntityTypeBuilder<RingFence> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.DeiCode).HasMaxLength(12);
        builder.HasOne<Round>().WithMany(r => r.RingFences).HasForeignKey(r => r.RoundId);
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.ToTable("Criteria");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Guidance).HasMaxLength(4000);
        builder.HasOne<Round>().WithMany(r => r.Criteria).HasForeignKey(c => c.RoundId);
    }
}

internal sealed class FormSectionConfiguration : IEntityTypeConfiguration<FormSection>
{
    public void Configure(EntityTypeBuilder<FormSection> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.HasOne<Round>().WithMany(r => r.Sections).HasForeignKey(s => s.RoundId);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(1000);
        builder.Property(q => q.HelpText).HasMaxLength(4000);
        builder.Property(q => q.Options).HasMaxLength(4000);
        builder.Ignore(q => q.OptionList);
        builder.HasOne(q => q.Section).WithMany(s => s.Questions).HasForeignKey(q => q.SectionId);
    }
}
