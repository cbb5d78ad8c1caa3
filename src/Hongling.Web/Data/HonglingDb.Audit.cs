using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hongling.Web.Data;

/// <summary>The audit log, written by SaveChanges for every IAudited row it creates, changes or deletes.
/// Bulk generation under the system scope is not audited.</summary>
public abstract partial class HonglingDb
{
    /// <summary>Derived or secret columns: never written into the log (the masked ID number stands for the
    /// ID).</summary>
    private static readonly HashSet<string> Unlogged =
    [
        nameof(Member.IdNumberCipher),
        nameof(Member.IdNumberHash),
        nameof(Member.IdNumberTail),
        nameof(IScopedByPath.OrgPath),
        nameof(Organization.Path),
        nameof(Organization.Depth),
        nameof(Member.CreatedAt),
        nameof(Member.UpdatedAt),
        nameof(ISharedWithPath.SharedPath),
        nameof(Transfer.Version),
        nameof(Member.PhotoUpdatedAt),
    ];

    // Chinese stays readable in the stored JSON.
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public sealed record Change(string Field, string From, string To);

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, List<Change> Changes, HonglingDb Db)
    {
        public AuditEntry ToEntry()
        {
            var (orgId, path, name) = Entry.Entity switch
            {
                Organization o => (
                    o.Id,
                    Action == AuditAction.Deleted ? (string)Entry.OriginalValues[nameof(Organization.Path)]! : o.Path,
                    o.Name
                ),
                Member m => (m.OrganizationId, m.OrgPath, m.Name),
                Transfer t => (t.FromOrganizationId ?? t.ToOrganizationId ?? 0, t.OrgPath, t.MemberName),
                Recruit r => (r.OrganizationId, r.OrgPath, r.Name),
                CorrectionRequest c => (c.OrganizationId, c.OrgPath, "信息纠错"),
                DuesPayment d => (d.OrganizationId, d.OrgPath, $"{d.Month / 100}年{d.Month % 100}月党费"),
                IOrgOwned x => (x.OrganizationId, x.OrgPath, ""),
                _ => throw new InvalidOperationException(
                    $"{Entry.Metadata.ClrType.Name} is IAudited but has no organization."
                ),
            };
            return Db.NewAuditEntry(
                Action,
                Entry.Metadata.ClrType.Name,
                Entry.Metadata.FindPrimaryKey()!.Properties[0].PropertyInfo!.GetValue(Entry.Entity)!.ToString()!,
                name,
                orgId,
                path,
                Changes
            );
        }
    }

    private List<PendingAudit> CaptureAudits()
    {
        if (scope.IsSystem)
            return [];
        var pending = new List<PendingAudit>();
        foreach (
            var entry in ChangeTracker
                .Entries()
                .Where(e =>
                    e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                )
        )
        {
            var changes = new List<Change>();
            foreach (
                var p in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Unlogged.Contains(p.Metadata.Name))
            )
            {
                var from = entry.State == EntityState.Added ? "" : Format(p.Metadata.Name, p.OriginalValue);
                var to = entry.State == EntityState.Deleted ? "" : Format(p.Metadata.Name, p.CurrentValue);
                if (from != to)
                    changes.Add(new Change(p.Metadata.Name, from, to));
            }
            if (entry.State == EntityState.Modified && changes.Count == 0)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            pending.Add(new PendingAudit(entry, action, changes, this));
        }
        return pending;
    }

    private AuditEntry NewAuditEntry(
        AuditAction action,
        string type,
        string id,
        string name,
        int orgId,
        string orgPath,
        IEnumerable<Change> changes
    ) =>
        new()
        {
            At = clock.GetUtcNow().UtcDateTime,
            AccountId = scope.AccountId,
            ActorName = scope.ActorName,
            Action = action,
            EntityType = type,
            EntityId = id,
            EntityName = name,
            OrganizationId = orgId,
            OrgPath = orgPath,
            Changes = JsonSerializer.Serialize(changes, AuditJson),
        };

    /// <summary>Records that the caller looked at a member's sensitive field (e.g. the full ID number) and why; the
    /// member reads these entries of their own record (the scope's rule on AuditEntry).</summary>
    public void LogView(Member member, string field, string reason) =>
        AuditEntries.Add(
            NewAuditEntry(
                AuditAction.Viewed,
                nameof(Member),
                member.Id.ToString(CultureInfo.InvariantCulture),
                member.Name,
                member.OrganizationId,
                member.OrgPath,
                [new Change(field, "", reason)]
            )
        );

    /// <summary>Records that the caller learned an ID number is held outside their scope (IdNumberRegistry),
    /// against the organization they were registering into.</summary>
    public void LogIdNumberCheck(int orgId, string orgPath, string maskedIdNumber) =>
        AuditEntries.Add(
            NewAuditEntry(
                AuditAction.Viewed,
                IdNumberCheck,
                maskedIdNumber,
                maskedIdNumber,
                orgId,
                orgPath,
                [new Change(IdNumberCheck, "", "已在本管理范围以外登记")]
            )
        );

    public const string IdNumberCheck = "IdNumberCheck";

    /// <summary>Records a change SaveChanges cannot see as a column diff (e.g. the photo, whose bytes live
    /// in MemberPhoto and whose date is not logged); saved with the caller's next SaveChanges.</summary>
    public void LogChange(Member member, string field, string from, string to) =>
        AuditEntries.Add(
            NewAuditEntry(
                AuditAction.Updated,
                nameof(Member),
                member.Id.ToString(CultureInfo.InvariantCulture),
                member.Name,
                member.OrganizationId,
                member.OrgPath,
                [new Change(field, from, to)]
            )
        );

    private static string Format(string property, object? value) =>
        value switch
        {
            null => "",
            _ when property == nameof(Member.Mobile) => Domain.Mobile.Mask((string)value),
            OrgKind k => Labels.Of(k),
            OrgCategory c => Labels.Of(c),
            MemberStatus s => Labels.Of(s),
            Gender g => Labels.Of(g),
            Education e => Labels.Of(e),
            TransferState t => Labels.Of(t),
            PaymentMethod pm => Labels.Of(pm),
            FloatingDirection fd => Labels.Of(fd),
            Degree dg => Labels.Of(dg),
            DevelopmentStage ds => Labels.Of(ds),
            TransferKind tk => Labels.Of(tk),
            CorrectionState cs => Labels.Of(cs),
            bool b => b ? "是" : "否",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
}
