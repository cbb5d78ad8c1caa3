namespace Hongling.Web.Features.Shared;

/// <summary>What the member picker partial (_MemberPicker) shows: the posted field's name, its label, and the member
/// chosen so far (after a refused post).</summary>
public sealed record MemberPick(string Field, string Label, int? Id, string? Name);
