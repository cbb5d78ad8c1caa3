namespace Hongling.Web.Domain;

/// <summary>Rows that the org scope filters by the path of the organization they belong to.</summary>
public interface IScopedByPath
{
    /// <summary>The owning organization's path, kept on the row so that scope filters and subtree
    /// queries are one indexed range on this table, without a join. Moving a subtree must rewrite it
    /// in every such table.</summary>
    string OrgPath { get; set; }
}

/// <summary>Data that belongs to one organization. Every type with this interface gets the org-scope
/// query filter and the save-changes check (Infrastructure/OrgScoping), and HonglingDb stamps its
/// OrgPath from OrganizationId on every save; feature code adds none of it.</summary>
public interface IOrgOwned : IScopedByPath
{
    int OrganizationId { get; }
    Organization Organization { get; }
}

/// <summary>Rows that a second organization's administrators see and may change too (the receiving side
/// of a transfer). The scope filter admits a row when either path is administered.</summary>
public interface ISharedWithPath
{
    string SharedPath { get; set; }
}

/// <summary>A member's own record (their dues, later their study and attempts): the member reads it,
/// read-only, besides the administrators of its organization.</summary>
public interface IMemberOwned
{
    int MemberId { get; }
}

/// <summary>Member-owned rows a member creates themselves (a thought report, a correction request, their study):
/// the save check lets a signed-in member add one whose member is them, in their own branch. No administrator
/// rights are needed, and none are given: nothing else of the branch can be written that way.</summary>
public interface IMemberCreated : IMemberOwned;

/// <summary>Member-created rows a member may also take back whole, by deleting their own (a lecture enrolment
/// cancelled before the course begins, which frees its seat). The feature checks when it is still allowed.</summary>
public interface IMemberCancellable : IMemberCreated;

/// <summary>A property a member may change on a row of their own (an <see cref="IMemberOwned"/> row whose member
/// is them): their answer to an activity, their check-in. A change to any other property needs an
/// administrator.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MemberSetsAttribute : Attribute;

/// <summary>Rows of one sign-in account (an exam attempt, whether a member's or a registrant's): the
/// account reads its own rows, read-only, besides the administrators of their organization. Keyed on the
/// account rather than the member, so that candidates without a member record cannot see each other's.</summary>
public interface IAccountOwned
{
    string AccountId { get; }
}

/// <summary>Every create, change and delete of this type is written to the audit log.</summary>
public interface IAudited;

/// <summary>Organization-owned rows that the organization publishes to members (study materials,
/// notices, activities): besides its administrators, a member reads one, read-only, when their branch
/// is <see cref="AudiencePath"/> itself or, with <see cref="AudienceIncludesSubtree"/>, beneath it.
/// Publishing to a subtree is a write there: the save check refuses an audience outside the caller's scope.</summary>
public interface IPublishedToMembers : IOrgOwned
{
    string AudiencePath { get; set; }
    bool AudienceIncludesSubtree { get; }
}
