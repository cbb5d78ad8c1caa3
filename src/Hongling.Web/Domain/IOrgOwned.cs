namespace Hongling.Web.Domain;

/// <summary>Data that belongs to one organization. Every type with this interface gets the org-scope
/// query filter and the save-changes check (Infrastructure/OrgScoping); feature code adds none.</summary>
public interface IOrgOwned
{
    int OrganizationId { get; }
    Organization Organization { get; }

    /// <summary>The owning organization's path, copied onto the row so that scope filters and subtree
    /// queries are one indexed range on this table, without a join. HonglingDb stamps it on every save;
    /// moving a subtree must rewrite it in every organization-owned table.</summary>
    string OrgPath { get; set; }
}
