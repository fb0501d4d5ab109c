using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> builder)
    {
        builder.HasIndex(p => p.RoundId).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.DivergenceThreshold).HasPrecision(5, 2);
        builder.Property(p => p.QualityThreshold).HasPrecision(5, 2);
        builder.HasOne<Round>().WithOne().HasForeignKey<Panel>(p => p.RoundId);
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.Property(m => m.InvitedEmail).HasMaxLength(256);
        builder.Property(m => m.InvitationTokenHash).HasMaxLength(64);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Ignore(m => m.Accepted);
        builder.HasIndex(m => m.InvitationTokenHash).IsUnique();
        builder.HasIndex(m => new { m.PanelId, m.InvitedEmail }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne(m => m.Panel).WithMany(p => p.Members).HasForeignKey(m => m.PanelId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.HasIndex(d => new { d.PanelMemberId, d.OrganisationId }).IsUnique();
        builder.HasOne<PanelMember>().WithMany().HasForeignKey(d => d.PanelMemberId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.HasIndex(a => new { a.ApplicationId, a.PanelMemberId }).IsUnique();
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId);
        builder.HasOne(a => a.PanelMember).WithMany().HasForeignKey(a => a.PanelMemberId);
        builder.HasOne(a => a.Score).WithOne().HasForeignKey<Score>(s => s.AssignmentId);
    }
}

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.HasIndex(s => s.AssignmentId).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> builder)
    {
        builder.Property(c => c.Comment).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ScoreId, c.CriterionId }).IsUnique();
        builder.HasOne<Score>().WithMany(s => s.Criteria).HasForeignKey(c => c.ScoreId);
        builder.HasOne<Criterion>().WithMany().HasForeignKey(c => c.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModerationConfiguration : IEntityTypeConfiguration<Moderation>
{
    public void Configure(EntityTypeBuilder<Moderation> builder)
    {
        builder.Property(m => m.ModeratedScore).HasPrecision(5, 2);
        builder.Property(m => m.Rationale).HasMaxLength(4000);
        builder.Property(m => m.ModeratedByUserId).HasMaxLength(450);
        builder.HasIndex(m => m.ApplicationId).IsUnique();
        builder.HasOne<GrantApplication>().WithOne().HasForeignKey<Moderation>(m => m.ApplicationId);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.RunByUserId).HasMaxLength(450);
        builder.Property(r => r.Included).HasMaxLength(4000);
        builder.Property(r => r.Excluded).HasMaxLength(4000);
        builder.HasIndex(r => new { r.RoundId, r.RunAt });
        builder.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Feedback).HasMaxLength(4000);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.ApplicationId).IsUnique();
        builder.HasOne<GrantApplication>().WithOne().HasForeignKey<Decision>(d => d.ApplicationId);
    }
}
