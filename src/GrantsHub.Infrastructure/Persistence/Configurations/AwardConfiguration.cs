using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.Conditions).HasMaxLength(8000);
        builder.Property(a => a.OfferedByUserId).HasMaxLength(450);
        builder.Property(a => a.AcceptedByName).HasMaxLength(200);
        builder.Property(a => a.AcceptedByPosition).HasMaxLength(200);
        builder.Property(a => a.AcceptedByUserId).HasMaxLength(450);
        builder.Property(a => a.DeclineReason).HasMaxLength(2000);
        builder.Property(a => a.CloseReason).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsLive);
        builder.HasIndex(a => a.ApplicationId).IsUnique();
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.HasIndex(a => new { a.FunderId, a.Status });
        builder.HasIndex(a => new { a.OrganisationId, a.Status });
        builder.HasIndex(a => a.RoundId);
        builder.HasOne<GrantApplication>().WithOne().HasForeignKey<Award>(a => a.ApplicationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Funder>().WithMany().HasForeignKey(a => a.FunderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardTrancheConfiguration : IEntityTypeConfiguration<AwardTranche>
{
    public void Configure(EntityTypeBuilder<AwardTranche> builder)
    {
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.AwardId, t.Number }).IsUnique();
        builder.HasIndex(t => t.MilestoneId);
        builder.HasOne(t => t.Award).WithMany(a => a.Tranches).HasForeignKey(t => t.AwardId);
        builder.HasOne<Milestone>().WithMany().HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Payment).WithOne().HasForeignKey<Payment>(p => p.TrancheId);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.RecordedByUserId).HasMaxLength(450);

        // The last line of defence against paying a tranche twice, even when two people press Pay at once.
        builder.HasIndex(p => p.TrancheId).IsUnique();
        builder.HasIndex(p => new { p.AwardId, p.PaidOn });
        builder.HasOne<Award>().WithMany().HasForeignKey(p => p.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.TargetMeasure).HasMaxLength(100);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.AwardId, m.Number }).IsUnique();
        builder.HasIndex(m => new { m.Stage, m.DueDate });
        builder.HasOne(m => m.Award).WithMany(a => a.Milestones).HasForeignKey(m => m.AwardId);
    }
}

internal sealed class MilestoneEvidenceConfiguration : IEntityTypeConfiguration<MilestoneEvidence>
{
    public void Configure(EntityTypeBuilder<MilestoneEvidence> builder)
    {
        builder.Property(e => e.Narrative).HasMaxLength(8000);
        builder.Property(e => e.ReviewComment).HasMaxLength(4000);
        builder.Property(e => e.SubmittedByUserId).HasMaxLength(450);
        builder.Property(e => e.ReviewedByUserId).HasMaxLength(450);
        builder.HasOne<Milestone>().WithMany(m => m.Evidence).HasForeignKey(e => e.MilestoneId);
    }
}

internal sealed class AwardFileConfiguration : IEntityTypeConfiguration<AwardFile>
{
    public void Configure(EntityTypeBuilder<AwardFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(120);
        builder.Property(f => f.StorageKey).HasMaxLength(80);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
        builder.HasOne<Award>().WithMany().HasForeignKey(f => f.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MilestoneEvidence>().WithMany(e => e.Files).HasForeignKey(f => f.MilestoneEvidenceId);
        builder.HasOne<MonitoringReport>().WithMany(r => r.Files).HasForeignKey(f => f.MonitoringReportId);
    }
}

internal sealed class MonitoringReportConfiguration : IEntityTypeConfiguration<MonitoringReport>
{
    public void Configure(EntityTypeBuilder<MonitoringReport> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Narrative).HasMaxLength(8000);
        builder.Property(r => r.ReviewComment).HasMaxLength(4000);
        builder.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.AwardId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.Stage, r.DueDate });
        builder.HasOne(r => r.Award).WithMany(a => a.Reports).HasForeignKey(r => r.AwardId);
    }
}

internal sealed class ReportOutcomeConfiguration : IEntityTypeConfiguration<ReportOutcome>
{
    public void Configure(EntityTypeBuilder<ReportOutcome> builder)
    {
        builder.Property(o => o.DeiCode).HasMaxLength(12);
        builder.HasIndex(o => new { o.MonitoringReportId, o.DeiCode }).IsUnique();
        builder.HasIndex(o => o.DeiCode);
        builder.HasOne<MonitoringReport>().WithMany(r => r.Outcomes).HasForeignKey(o => o.MonitoringReportId);
    }
}

internal sealed class AwardVariationConfiguration : IEntityTypeConfiguration<AwardVariation>
{
    public void Configure(EntityTypeBuilder<AwardVariation> builder)
    {
        builder.Property(v => v.Reason).HasMaxLength(4000);
        builder.Property(v => v.Summary).HasMaxLength(4000);
        builder.Property(v => v.DecisionComment).HasMaxLength(4000);
        builder.Property(v => v.RequestedByUserId).HasMaxLength(450);
        builder.Property(v => v.DecidedByUserId).HasMaxLength(450);
        builder.HasIndex(v => new { v.AwardId, v.Status });
        builder.HasOne(v => v.Award).WithMany(a => a.Variations).HasForeignKey(v => v.AwardId);
        builder.HasOne<Milestone>().WithMany().HasForeignKey(v => v.MilestoneId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VariationTrancheChangeConfiguration : IEntityTypeConfiguration<VariationTrancheChange>
{
    public void Configure(EntityTypeBuilder<VariationTrancheChange> builder)
    {
        builder.HasIndex(c => new { c.AwardVariationId, c.TrancheId }).IsUnique();
        builder.HasOne<AwardVariation>().WithMany(v => v.TrancheChanges).HasForeignKey(c => c.AwardVariationId);
        builder.HasOne<AwardTranche>().WithMany().HasForeignKey(c => c.TrancheId).OnDelete(DeleteBehavior.Restrict);
    }
}
