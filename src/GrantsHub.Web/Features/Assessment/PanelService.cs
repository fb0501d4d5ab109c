using System.Globalization;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

public sealed class PanelInvitationEmail : EmailModel
{
    public required string RoundTitle { get; init; }
    public required string FunderName { get; init; }
    public required string AcceptUrl { get; init; }
    public DateTimeOffset? ScoringDeadline { get; init; }
}

/// <summary>Sets a round's panel up: its rules and its members.</summary>
public sealed class PanelService(GrantsHubDbContext db, IAuditLog audit, Outbox outbox, TimeProvider clock)
{
    public async Task<Panel> FindOrCreateAsync(int roundId)
    {
        var panel = await db.Panels.SingleOrDefaultAsync(p => p.RoundId == roundId);
        if (panel is null)
        {
            panel = new Panel { RoundId = roundId };
            db.Panels.Add(panel);
        }

        return panel;
    }

    public void UpdateSettings(Round round, int funderId, Panel panel, PanelSettingsForm form)
    {
        var before = Snapshot(panel);
        panel.RequiredAssessors = form.RequiredAssessors;
        panel.ScoringDeadline = form.ScoringDeadline is { } local ? UkTime.FromLocal(local) : null;
        panel.DivergenceThreshold = form.DivergenceThreshold;
        panel.QualityThreshold = form.QualityThreshold;
        panel.PartialAwardsAllowed = form.PartialAwardsAllowed;
        audit.Record(AssessmentAuditKinds.PanelChanged, $"Panel rules changed for {round.Title}", new AuditScope(FunderId: funderId, RoundId: round.Id),
            before, Snapshot(panel), "Panel", round.Id.ToString(CultureInfo.InvariantCulture));
    }

    public void SetLocked(Round round, int funderId, Panel panel, bool locked)
    {
        var before = Snapshot(panel);
        panel.ScoringLocked = locked;
        audit.Record(AssessmentAuditKinds.PanelChanged, $"Scoring {(locked ? "locked" : "unlocked")} for {round.Title}", new AuditScope(FunderId: funderId, RoundId: round.Id),
            before, Snapshot(panel), "Panel", round.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds the member and queues the email with its one-time link; false if already invited. The caller saves.</summary>
    public async Task<bool> InviteAsync(Round round, string funderName, int funderId, Panel panel, string email, Func<string, string> linkFor)
    {
        email = email.Trim();
        if (panel.Id != 0 && await db.PanelMembers.AnyAsync(m => m.PanelId == panel.Id && m.InvitedEmail == email))
        {
            return false;
        }

        var token = InvitationTokens.New();
        var member = new PanelMember { Panel = panel, InvitedEmail = email, InvitationTokenHash = InvitationTokens.Hash(token), InvitedAt = clock.GetUtcNow() };
        db.PanelMembers.Add(member);
        await outbox.AddAsync($"panel-invitation:{member.InvitationTokenHash}", "PanelInvitation", email, null, null, "/Features/Assessment/Emails/PanelInvitation",
            new PanelInvitationEmail
            {
                Subject = $"You are invited to assess {round.Title}",
                RecipientName = email,
                RoundTitle = round.Title,
                FunderName = funderName,
                AcceptUrl = linkFor(token),
                ScoringDeadline = panel.ScoringDeadline,
            }, funderId);
        audit.Record(AssessmentAuditKinds.AssessorInvited, $"{email} invited to assess {round.Title}", new AuditScope(FunderId: funderId, RoundId: round.Id),
            after: new { Email = email }, entityType: "Panel", entityId: round.Id.ToString(CultureInfo.InvariantCulture));
        return true;
    }


    private static object Snapshot(Panel p) => new
    {
        p.RequiredAssessors, p.ScoringDeadline, p.DivergenceThreshold, p.QualityThreshold, p.PartialAwardsAllowed, p.ScoringLocked,
    };
}
