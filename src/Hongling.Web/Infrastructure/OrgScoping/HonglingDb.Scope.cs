using System.Linq.Expressions;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;

namespace Hongling.Web.Data;

/// <summary>The org scope inside the database layer: query filters on every organization-owned type,
/// the OrgPath stamp and the save-changes check. See Infrastructure/OrgScoping/README.md.</summary>
public abstract partial class HonglingDb
{
    // The first administered subtrees become path ranges [From, To) that a path index answers (see
    // OrgPaths.End). EF sniffs null parameters, so unused slots vanish from the SQL. Rare further
    // subtrees spill into a list matched by prefix.
    private string? From0 => Slot(0);
    private string? To0 => SlotEnd(0);
    private string? From1 => Slot(1);
    private string? To1 => SlotEnd(1);
    private string? From2 => Slot(2);
    private string? To2 => SlotEnd(2);
    private string[] More => [.. scope.AdminPaths.Skip(3)];

    // Non-null only for the whole tree: the filter then drops out of the SQL entirely, so the planner is
    // not led into walking a path index that covers every row.
    private string? WholeTree => scope.AdminPaths is ["/"] ? "/" : null;
    private int? ScopeMemberId => scope.MemberId;
    private string? ScopeAccountId => scope.AccountId;
    private string? ScopeMemberOrgPath => scope.MemberOrgPath;

    /// <summary>The member's id as the audit log keys records (AuditEntry.EntityId).</summary>
    private string? ScopeMemberKey => scope.MemberId?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? Slot(int i) => i < scope.AdminPaths.Count ? scope.AdminPaths[i] : null;

    private string? SlotEnd(int i) => Slot(i) is { } p ? OrgPaths.End(p) : null;

    private Expression<Func<string, bool>> Administered =>
        path =>
            WholeTree != null
            || (From0 != null && string.Compare(path, From0) >= 0 && string.Compare(path, To0) < 0)
            || (From1 != null && string.Compare(path, From1) >= 0 && string.Compare(path, To1) < 0)
            || (From2 != null && string.Compare(path, From2) >= 0 && string.Compare(path, To2) < 0)
            || More.Any(p => path.StartsWith(p));

    /// <summary>Only what the caller administers, without the read-only view a member has of their own
    /// branch, its parents and their own record.</summary>
    public IQueryable<Organization> AdministeredOrganizations => Organizations.Where(Within<Organization>(o => o.Path));

    /// <inheritdoc cref="AdministeredOrganizations"/>
    public IQueryable<Member> AdministeredMembers => Members.Where(Within<Member>(m => m.OrgPath));

    /// <summary>Rows of an organization-owned type that the caller administers, without the member's
    /// read-only view (their own rows, what is published to them): for pages that manage the rows.</summary>
    /// <summary>Named escape: the sessions of every account. The session store runs before the caller's scope is
    /// loaded (it decides who the caller is), the cleanup job serves everyone, and a branch ending a member's
    /// sessions (a password reset, a card locked by a transfer out) acts on another account's rows.</summary>
    public IQueryable<AccountSession> SessionsOfAllAccounts => AccountSessions.IgnoreQueryFilters();

    public IQueryable<T> AdministeredRows<T>()
        where T : class, IScopedByPath => Set<T>().Where(Within<T>(e => e.OrgPath));

    /// <summary>entity => Administered(pathOf(entity)) [|| orElse(entity)].</summary>
    private Expression<Func<T, bool>> Within<T>(
        Expression<Func<T, string>> pathOf,
        Expression<Func<T, bool>>? orElse = null
    )
    {
        var entity = pathOf.Parameters[0];
        var administered = Administered;
        var body = ReplacingExpressionVisitor.Replace(administered.Parameters[0], pathOf.Body, administered.Body);
        if (orElse is not null)
            body = Expression.OrElse(
                body,
                ReplacingExpressionVisitor.Replace(orElse.Parameters[0], entity, orElse.Body)
            );
        return Expression.Lambda<Func<T, bool>>(body, entity);
    }

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // An organization is visible to those who administer it or an ancestor, and, read-only,
        // to a member of a branch beneath it (their own branch and its parents).
        builder
            .Entity<Organization>()
            .HasQueryFilter(
                Within<Organization>(
                    o => o.Path,
                    o => ScopeMemberOrgPath != null && ScopeMemberOrgPath.StartsWith(o.Path)
                )
            );
        // A member sees their own record. A member whose relationship left the platform (转出) is kept
        // for history but seen by no query.
        var members = Within<Member>(m => m.OrgPath, m => m.Id == ScopeMemberId);
        Expression<Func<Member, bool>> present = m => m.LeftOn == null;
        builder
            .Entity<Member>()
            .HasQueryFilter(
                Expression.Lambda<Func<Member, bool>>(
                    Expression.AndAlso(
                        ReplacingExpressionVisitor.Replace(present.Parameters[0], members.Parameters[0], present.Body),
                        members.Body
                    ),
                    members.Parameters[0]
                )
            );

        foreach (var type in ScopedTypes(builder))
        {
            builder.Entity(type).Property(nameof(IScopedByPath.OrgPath)).HasMaxLength(400);
            // Members are also filtered on LeftOn: the index carries it, so that subtree counts stay index-only.
            if (type == typeof(Member))
                builder.Entity<Member>().HasIndex(m => new { m.OrgPath, m.LeftOn });
            else
                builder.Entity(type).HasIndex(nameof(IScopedByPath.OrgPath));
            if (typeof(ISharedWithPath).IsAssignableFrom(type))
            {
                builder.Entity(type).Property(nameof(ISharedWithPath.SharedPath)).HasMaxLength(400);
                builder.Entity(type).HasIndex(nameof(ISharedWithPath.SharedPath));
            }
            if (type != typeof(Member))
                typeof(HonglingDb)
                    .GetMethod(
                        nameof(ApplyOrgFilter),
                        System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance
                    )!
                    .MakeGenericMethod(type)
                    .Invoke(this, [builder]);
        }
        // A sign-in session belongs to its account, not to an organization: the account reads its own
        // sessions and nobody else does, administrators included (never null == null, as for IAccountOwned).
        // The session store reads and ends sessions by key before any scope is loaded, past this filter.
        builder
            .Entity<AccountSession>()
            .HasQueryFilter(s => ScopeAccountId != null && s.AccountId == ScopeAccountId);
        // A material may be published to several subtrees: it reaches a member (or an administrator) when
        // any of its audiences contains their branch (or administered subtree).
        builder
            .Entity<Material>()
            .HasQueryFilter(
                Within<Material>(
                    m => m.OrgPath,
                    m =>
                        m.Audiences.Any(a =>
                            (ScopeMemberOrgPath != null && ScopeMemberOrgPath.StartsWith(a.Path))
                            || (From0 != null && From0.StartsWith(a.Path))
                            || (From1 != null && From1.StartsWith(a.Path))
                            || (From2 != null && From2.StartsWith(a.Path))
                        )
                )
            );
        // A member reads the log's record of every view of their own record's secret fields (the full ID number:
        // 谁查看了我的身份证号), read-only; nothing else of the log.
        builder
            .Entity<AuditEntry>()
            .HasQueryFilter(
                Within<AuditEntry>(
                    e => e.OrgPath,
                    e =>
                        ScopeMemberKey != null
                        && e.Action == AuditAction.Viewed
                        && e.EntityType == nameof(Member)
                        && e.EntityId == ScopeMemberKey
                )
            );
        // A notification reaches a member through their own inbox row: they read what was sent to them, read-only.
        builder
            .Entity<Notification>()
            .HasQueryFilter(
                Within<Notification>(
                    n => n.OrgPath,
                    n =>
                        ScopeMemberId != null
                        && n.Items.Any(i =>
                            i.MemberId == ScopeMemberId
                            && i.Channel == Infrastructure.Notifications.NotificationChannel.Inbox
                        )
                )
            );
    }

    protected static IEnumerable<Type> ScopedTypes(ModelBuilder builder) =>
        builder
            .Model.GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => typeof(IScopedByPath).IsAssignableFrom(t))
            .ToList();

    private void ApplyOrgFilter<T>(ModelBuilder builder)
        where T : class, IScopedByPath =>
        builder
            .Entity<T>()
            .HasQueryFilter(
                typeof(ISharedWithPath).IsAssignableFrom(typeof(T))
                    ? Within<T>(e => e.OrgPath, Within<T>(e => ((ISharedWithPath)e).SharedPath))
                : typeof(IMemberOwned).IsAssignableFrom(typeof(T))
                    ? Within<T>(e => e.OrgPath, e => ((IMemberOwned)e).MemberId == ScopeMemberId)
                // Never null == null: a row always has its account, and a caller without one matches nothing.
                : typeof(IAccountOwned).IsAssignableFrom(typeof(T))
                    ? Within<T>(
                        e => e.OrgPath,
                        e => ScopeAccountId != null && ((IAccountOwned)e).AccountId == ScopeAccountId
                    )
                : typeof(IPublishedToMembers).IsAssignableFrom(typeof(T)) ? Within(e => e.OrgPath, Published<T>())
                : Within<T>(e => e.OrgPath)
            );

    /// <summary>A published row reaches the caller when their branch, or one of their first administered
    /// subtrees, is its audience or (with AudienceIncludesSubtree) lies beneath it: members read what is
    /// published to them, and administrators see what is published to their subtree from above.</summary>
    private Expression<Func<T, bool>> Published<T>()
    {
        var reaches = Audience.ReachesReader;
        var row = Expression.Parameter(typeof(T), "e");
        var published = Expression.Convert(row, typeof(IPublishedToMembers));
        var body = new[] { nameof(ScopeMemberOrgPath), nameof(From0), nameof(From1), nameof(From2) }
            .Select(reader =>
                ReplacingExpressionVisitor.Replace(
                    reaches.Parameters[0],
                    Expression.Property(
                        Expression.Constant(this, typeof(HonglingDb)),
                        typeof(HonglingDb).GetProperty(
                            reader,
                            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance
                        )!
                    ),
                    ReplacingExpressionVisitor.Replace(reaches.Parameters[1], published, reaches.Body)
                )
            )
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    /// <summary>Stamps OrgPath on organization-owned rows and refuses any write that touches an
    /// organization, or organization-owned data, outside the caller's administered subtrees, before and
    /// after the change (so nothing can be moved out either). System scope skips only the refusal.</summary>
    private async Task StampAndEnforceScopeAsync(CancellationToken ct)
    {
        var entries = ChangeTracker
            .Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var paths = await PathsOfAsync(entries, ct);
        foreach (var entry in entries)
        {
            var touched = new List<string?>();
            if (entry.Entity is Organization org)
            {
                touched.Add(org.Path);
                if (entry.State != EntityState.Added)
                    touched.Add((string?)entry.OriginalValues[nameof(Organization.Path)]);
            }
            else if (entry.Entity is IOrgOwned owned)
            {
                var nav = (Organization?)owned.Organization;
                var current =
                    nav is not null && (owned.OrganizationId == 0 || nav.Id == owned.OrganizationId)
                        ? nav.Path
                        : paths.GetValueOrDefault(owned.OrganizationId);
                // A new row's values are read from the object when it is inserted; a changed row's stamp goes
                // through the change tracker, since changes were detected before this stamp.
                if (entry.State == EntityState.Added && current is not null)
                    owned.OrgPath = current;
                else if (entry.State == EntityState.Modified && current is not null && current != owned.OrgPath)
                    entry.Property(nameof(IScopedByPath.OrgPath)).CurrentValue = current;
                touched.Add(current);
                if (entry.State != EntityState.Added)
                    touched.Add(paths.GetValueOrDefault(OriginalOrgId(entry)));
                if (owned is IPublishedToMembers)
                {
                    touched.Add((string?)entry.CurrentValues[nameof(IPublishedToMembers.AudiencePath)]);
                    if (entry.State != EntityState.Added)
                        touched.Add((string?)entry.OriginalValues[nameof(IPublishedToMembers.AudiencePath)]);
                }
            }
            else if (entry.Entity is IScopedByPath scoped)
            {
                // A shared row may be written from either side.
                var shared = entry.Entity is ISharedWithPath;
                string? Side(PropertyValues values) =>
                    shared && !scope.Administers((string)values[nameof(IScopedByPath.OrgPath)]!)
                        ? (string?)values[nameof(ISharedWithPath.SharedPath)]
                        : (string?)values[nameof(IScopedByPath.OrgPath)];
                touched.Add(Side(entry.CurrentValues));
                if (entry.State != EntityState.Added)
                    touched.Add(Side(entry.OriginalValues));
            }
            else
                continue;

            if (!touched.All(MayWrite) && !IsMembersOwnWrite(entry))
                throw new OrgScopeViolationException(
                    $"Write to {entry.Metadata.ClrType.Name} outside the caller's organization scope."
                );
        }
    }

    /// <summary>Whether the caller may write a row under <paramref name="path"/> as an administrator (or as the
    /// system, or elevated for one save).</summary>
    private bool MayWrite(string? path) =>
        scope.IsSystem || scope.IsElevated || (path is not null && scope.Administers(path));

    /// <summary>The check of <see cref="StampAndEnforceScopeAsync"/> for rows written past the change tracker that
    /// all carry one path (<see cref="InsertUnderPathAsync{T}"/>).</summary>
    private void EnsureWritablePath(string path, Type type)
    {
        if (!MayWrite(path))
            throw new OrgScopeViolationException($"Write to {type.Name} outside the caller's organization scope.");
    }

    /// <summary>A member's write of their own row, which needs no administrator: adding an
    /// <see cref="IMemberCreated"/> row whose member is them in their own branch, changing on an
    /// <see cref="IMemberOwned"/> row of theirs only properties marked <see cref="MemberSetsAttribute"/>, or deleting
    /// an <see cref="IMemberCancellable"/> row of theirs.</summary>
    private bool IsMembersOwnWrite(EntityEntry entry)
    {
        if (scope.MemberId is not { } me || entry.Entity is not IMemberOwned own || own.MemberId != me)
            return false;
        return entry.State switch
        {
            EntityState.Added => entry.Entity is IMemberCreated
                && ((IScopedByPath)entry.Entity).OrgPath == scope.MemberOrgPath,
            EntityState.Modified => (int)entry.OriginalValues[nameof(IMemberOwned.MemberId)]! == me
                && entry
                    .Properties.Where(p => p.IsModified)
                    .All(p => p.Metadata.PropertyInfo?.IsDefined(typeof(MemberSetsAttribute), false) == true),
            EntityState.Deleted => entry.Entity is IMemberCancellable
                && Equals(entry.OriginalValues[nameof(IMemberOwned.MemberId)], me),
            _ => false,
        };
    }

    private static int OriginalOrgId(EntityEntry entry) => (int)entry.OriginalValues[nameof(IOrgOwned.OrganizationId)]!;

    /// <summary>The path of every organization the changed rows point at, now and before: one query.</summary>
    private async Task<Dictionary<int, string>> PathsOfAsync(List<EntityEntry> entries, CancellationToken ct)
    {
        var ids = entries
            .Where(e => e.Entity is IOrgOwned)
            .SelectMany(e =>
                e.State == EntityState.Added
                    ? [((IOrgOwned)e.Entity).OrganizationId]
                    : new[] { ((IOrgOwned)e.Entity).OrganizationId, OriginalOrgId(e) }
            )
            .Where(id => id > 0)
            .ToHashSet();
        var paths = ChangeTracker
            .Entries<Organization>()
            .Where(e => ids.Contains(e.Entity.Id) && e.State != EntityState.Added)
            .ToDictionary(e => e.Entity.Id, e => e.Entity.Path);
        ids.ExceptWith(paths.Keys);
        if (ids.Count > 0)
            foreach (
                var o in await Organizations
                    .IgnoreQueryFilters()
                    .Where(o => ids.Contains(o.Id))
                    .Select(o => new { o.Id, o.Path })
                    .ToListAsync(ct)
            )
                paths[o.Id] = o.Path;
        return paths;
    }
}

public abstract partial class HonglingDb
{
    /// <summary>Rewrites every path under <paramref name="oldPath"/> to start with <paramref name="newPath"/>:
    /// the organizations below the moved one and the path copies on every scoped table. The caller has
    /// checked that the whole subtree and its new place are in scope and runs this in its transaction.</summary>
    public async Task RewriteSubtreePathsAsync(string oldPath, string newPath, int depthChange, CancellationToken ct)
    {
        var cut = oldPath.Length;
        await Organizations
            .IgnoreQueryFilters()
            .InSubtree(oldPath)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(o => o.Path, o => newPath + o.Path.Substring(cut))
                        .SetProperty(o => o.Depth, o => o.Depth + depthChange),
                ct
            );
        var end = OrgPaths.End(oldPath);
        await MaterialAudiences
            .Where(a => string.Compare(a.Path, oldPath) >= 0 && string.Compare(a.Path, end) < 0)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Path, a => newPath + a.Path.Substring(cut)), ct);
        foreach (
            var type in Model
                .GetEntityTypes()
                .Select(t => t.ClrType)
                .Where(t => typeof(IScopedByPath).IsAssignableFrom(t))
        )
            await (Task)
                typeof(HonglingDb)
                    .GetMethod(
                        nameof(RewriteAsync),
                        System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance
                    )!
                    .MakeGenericMethod(type)
                    .Invoke(this, [oldPath, newPath, ct])!;
        // The administrator posts in the subtree now hold the new paths.
        await RaiseScopeVersionAsync(ct);
    }

    /// <summary>Whether the pending changes change what some account administers: an administrator post added,
    /// changed or removed, a role given or taken (the system administrator sees the whole tree), an organization
    /// removed. Such a save raises the scope version, which ends every instance's cached administered subtrees
    /// (<see cref="OrgScopeCache"/>). An organization's path changes only in a move, whose subtree rewrite
    /// (<see cref="RewriteSubtreePathsAsync"/>) raises it as its last write. A statement that writes these tables past
    /// the change tracker must call <see cref="RaiseScopeVersionAsync"/> in its transaction.</summary>
    private bool ChangesAdministeredSubtrees() =>
        ChangeTracker
            .Entries()
            .Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (
                    e.Entity is OrgAdministrator or IdentityUserRole<string> or IdentityRole
                    || e.Entity is Organization && e.State == EntityState.Deleted
                )
            );

    /// <summary>Raises the scope version in the current transaction (see <see cref="ScopeVersion"/>): every
    /// instance's next request reads the new number with its session row and reloads the administered subtrees.
    /// Called as the transaction's last write, so that the one row is locked only until the commit (writers that
    /// change administrators elsewhere wait for it then, never while holding it).</summary>
    public Task<int> RaiseScopeVersionAsync(CancellationToken ct) =>
        ScopeVersions
            .Where(v => v.Id == ScopeVersion.TheRow)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Value, v => v.Value + 1), ct);

    private async Task RewriteAsync<T>(string oldPath, string newPath, CancellationToken ct)
        where T : class, IScopedByPath
    {
        var end = OrgPaths.End(oldPath);
        var cut = oldPath.Length;
        await Set<T>()
            .IgnoreQueryFilters()
            .InSubtree(oldPath)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.OrgPath, e => newPath + e.OrgPath.Substring(cut)), ct);
        // What was published to the moved subtree stays published to it.
        if (typeof(IPublishedToMembers).IsAssignableFrom(typeof(T)))
            await Set<T>()
                .IgnoreQueryFilters()
                .Where(e =>
                    string.Compare(((IPublishedToMembers)e).AudiencePath, oldPath) >= 0
                    && string.Compare(((IPublishedToMembers)e).AudiencePath, end) < 0
                )
                .ExecuteUpdateAsync(
                    u =>
                        u.SetProperty(
                            e => ((IPublishedToMembers)e).AudiencePath,
                            e => newPath + ((IPublishedToMembers)e).AudiencePath.Substring(cut)
                        ),
                    ct
                );
        if (typeof(ISharedWithPath).IsAssignableFrom(typeof(T)))
            await Set<T>()
                .IgnoreQueryFilters()
                .Where(e =>
                    string.Compare(((ISharedWithPath)e).SharedPath, oldPath) >= 0
                    && string.Compare(((ISharedWithPath)e).SharedPath, end) < 0
                )
                .ExecuteUpdateAsync(
                    u =>
                        u.SetProperty(
                            e => ((ISharedWithPath)e).SharedPath,
                            e => newPath + ((ISharedWithPath)e).SharedPath.Substring(cut)
                        ),
                    ct
                );
    }
}

/// <summary>Organization paths ("/D/T001/B001/") and the ranges that select a subtree with an index.</summary>
public static class OrgPaths
{
    /// <summary>The exclusive end of the subtree range: every path ends in '/', and '0' follows '/' in
    /// ordinal order, so [P, End(P)) holds exactly the paths that start with P.</summary>
    public static string End(string path) => path[..^1] + "0";

    /// <summary>Rows of the subtree at <paramref name="path"/>, as an indexed range on OrgPath.</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> rows, string path)
        where T : IScopedByPath
    {
        var end = End(path);
        return rows.Where(e => string.Compare(e.OrgPath, path) >= 0 && string.Compare(e.OrgPath, end) < 0);
    }

    /// <summary>The organization at <paramref name="path"/> and every one beneath it, as an indexed range on
    /// Path.</summary>
    public static IQueryable<Organization> InSubtree(this IQueryable<Organization> orgs, string path)
    {
        var end = End(path);
        return orgs.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, end) < 0);
    }
}
