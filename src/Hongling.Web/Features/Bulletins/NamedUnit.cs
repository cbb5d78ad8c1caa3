namespace Hongling.Web.Features.Bulletins;

/// <summary>A unit (or organization) a bulletin names in its text ("双福、油溪…等镇街"): its id and name.</summary>
public sealed record NamedUnit(int Id, string Name);
