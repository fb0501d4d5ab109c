using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Auditing;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Email;
using GrantsHub.Domain.Files;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.OpenData;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Reminders;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantsHub.Infrastructure.Persistence;

public class GrantsHubDbContext(DbContextOptions<GrantsHubDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Funder> Funders => Set<Funder>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<GrantApplication> Applications => Set<GrantApplication>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RoundArea> RoundAreas => Set<RoundArea>();
    public DbSet<RingFence> RingFences => Set<RingFence>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<FormSection> FormSections => Set<FormSection>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<OrganisationDeiCode> OrganisationDeiCodes => Set<OrganisationDeiCode>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<Panel> Panels => Set<Panel>();
    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<CriterionScore> CriterionScores => Set<CriterionScore>();
    public DbSet<Moderation> Moderations => Set<Moderation>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<PartnershipAgreement> PartnershipAgreements => Set<PartnershipAgreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<AgreementAward> AgreementAwards => Set<AgreementAward>();
    public DbSet<OpenDataSnapshot> OpenDataSnapshots => Set<OpenDataSnapshot>();
    public DbSet<OpenDataGrant> OpenDataGrants => Set<OpenDataGrant>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<AwardTranche> AwardTranches => Set<AwardTranche>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<MilestoneEvidence> MilestoneEvidence => Set<MilestoneEvidence>();
    public DbSet<AwardFile> AwardFiles => Set<AwardFile>();
    public DbSet<MonitoringReport> MonitoringReports => Set<MonitoringReport>();
    public DbSet<ReportOutcome> ReportOutcomes => Set<ReportOutcome>();
    public DbSet<AwardVariation> AwardVariations => Set<AwardVariation>();
    public DbSet<VariationTrancheChange> VariationTrancheChanges => Set<VariationTrancheChange>();
    public DbSet<FunderReminderSettings> FunderReminderSettings => Set<FunderReminderSettings>();
    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();
    public DbSet<DataChange> DataChanges => Set<DataChange>();
    public DbSet<RoundApplicationCount> RoundApplicationCounts => Set<RoundApplicationCount>();

    // Compiled once: read on every view of a kept page.
    private static readonly Func<GrantsHubDbContext, CancellationToken, Task<long?>> NewestChange =
        EF.CompileAsyncQuery((GrantsHubDbContext db, CancellationToken cancellationToken) => db.DataChanges.Max(c => (long?)c.Id));

    /// <summary>
    /// The data's version: the id of the newest <see cref="DataChange"/> (0 before any). It moves with every saved change,
    /// on any instance; inside a query, <c>DataChanges.Max(c => (long?)c.Id) ?? 0</c> reads the same in the same round trip.
    /// </summary>
    public async Task<long> DataVersionAsync(CancellationToken cancellationToken = default) => await NewestChange(this, cancellationToken) ?? 0;

    /// <summary>
    /// Records a change made without the change tracker (ExecuteUpdate, ExecuteDelete), so that pages kept
    /// until the data changes are drawn again. Changes saved through SaveChanges record themselves.
    /// </summary>
    public Task RecordChangeAsync(CancellationToken cancellationToken = default)
    {
        DataChanges.Add(new DataChange());
        return SaveChangesAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GrantsHubDbContext).Assembly);

        // A funder's payments due: PostgreSQL read every tranche on the instance to find them (19,000 at the benchmark's
        // scale: 4 ms, and growing with every funder's history); by status it reads the due ones alone (0.9 ms). SQLite
        // goes from the funder's live awards to their tranches, which is faster there (0.05 ms for a small funder); given
        // this index it would read every funder's due tranches instead, so it is PostgreSQL's alone.
        if (Database.IsNpgsql())
        {
            builder.Entity<AwardTranche>().HasIndex(t => new { t.Status, t.MilestoneId, t.PlannedDate });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // SQLite has no native instant or decimal type: EF would store both as text, which cannot be
        // compared, ordered or summed in SQL. Store instants as UTC ticks and money as pence there.
        // PostgreSQL keeps timestamptz and numeric. The model differs per provider, which is why
        // each provider has its own migrations.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<MinorUnitsConverter>();
        }
        else
        {
            configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareForSave()
    {
        var changed = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            changed |= (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && entry.Entity is not DataChange
                && !IsSignInBookkeeping(entry);

            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only: entries cannot be changed or removed.");
            }

            if (entry.Entity is IVersioned versioned && entry.State is EntityState.Added or EntityState.Modified)
            {
                versioned.Version = Guid.NewGuid();
            }
        }

        // In the same transaction as the change itself: a kept page can never outlive what it shows.
        if (changed)
        {
            DataChanges.Add(new DataChange());
        }
    }

    /// <summary>
    /// A person's time of last sign-in, written on every sign-in (with the stamp Identity renews on every update of a
    /// person), and nothing else of theirs. No kept page shows it (only the team page, which is never kept), so it does not
    /// move the data's version: otherwise every sign-in, by anyone, would redraw every kept page and work out every kept
    /// figure again on every instance. Only the values that really differ from those read count, so a person attached
    /// from elsewhere (whose values read are not known) is always a change.
    /// </summary>
    private static bool IsSignInBookkeeping(EntityEntry entry) =>
        entry is { Entity: ApplicationUser, State: EntityState.Modified }
        && entry.Property(nameof(ApplicationUser.LastSignInAt)) is var signedIn && !Equals(signedIn.OriginalValue, signedIn.CurrentValue)
        && entry.Properties.All(p => p.Metadata.Name is nameof(ApplicationUser.LastSignInAt) or nameof(ApplicationUser.ConcurrencyStamp)
            || Equals(p.OriginalValue, p.CurrentValue));

    /// <summary>Money as whole pence, so SQLite can compare and sum it exactly.</summary>
    private sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
        v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
        v => v / 100m);
}
