namespace Hongling.Web.Domain;

/// <summary>Data that belongs to one organization. Every type with this interface gets the org-scope
/// query filter and the save-changes check (Infrastructure/OrgScoping); feature code adds none.</summary>
public interface IOrgOwned
{
    int OrganizationId { get; }
    Organization Organization { get; }
}
