using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;

namespace Hongling.Web.Features.Notifications;

/// <summary>An administrator's message as the compose page and the API receive it. <see cref="OrganizationId"/> is
/// the issuing organization (default: the caller's first administered one); <see cref="At"/> null sends now.</summary>
public sealed record ComposeRequest
{
    public int? OrganizationId { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public NotificationCategory Category { get; init; } = NotificationCategory.General;
    public AudienceSpec Audience { get; init; } = new();
    public bool ByEmail { get; init; }
    public bool BySms { get; init; }
    public bool Urgent { get; init; }
    public DateTimeOffset? At { get; init; }

    /// <summary>The draft and its audience, both checked: a bad field throws a <see cref="RuleException"/>, anything
    /// outside the scope is a 404 one.</summary>
    public async Task<(NotificationDraft Draft, IQueryable<Member> Members)> PrepareAsync(
        HonglingDb db,
        NotificationQueue queue,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var org = await ScopedOrg.PickAsync(db, OrganizationId) ?? throw new RuleException(RuleErrors.OrgNotFound);
        var category = NotificationLabels.Optional.Contains(Category) ? Category : NotificationCategory.General;
        var draft = new NotificationDraft(org.Id, category, Title ?? "", Text ?? "")
        {
            ByEmail = ByEmail,
            BySms = BySms,
            Urgent = Urgent,
            At = At?.UtcDateTime,
        };
        queue.Validate(draft);
        var audience = await NotificationAudience.ResolveAsync(db, Audience, clock, ct);
        return (draft with { AudienceDescription = audience.Description }, audience.Members);
    }
}
