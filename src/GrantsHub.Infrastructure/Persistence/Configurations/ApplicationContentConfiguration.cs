using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Files;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantsHub.Infrastructure.Persistence.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.Value).HasMaxLength(40000);
        builder.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
        builder.HasOne<GrantApplication>().WithMany(a => a.Answers).HasForeignKey(a => a.ApplicationId);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(120);
        builder.Property(a => a.StorageKey).HasMaxLength(80);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.HasOne<GrantApplication>().WithMany(a => a.Attachments).HasForeignKey(a => a.ApplicationId);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(80);
    }
}

internal sealed class OrganisationDeiCodeConfiguration : IEntityTypeConfiguration<OrganisationDeiCode>
{
    public void Configure(EntityTypeBuilder<OrganisationDeiCode> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(12);
        builder.HasIndex(c => new { c.OrganisationId, c.Kind, c.Code }).IsUnique();
        builder.HasOne<Organisation>().WithMany(o => o.DeiCodes).HasForeignKey(c => c.OrganisationId);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId);
    }
}
