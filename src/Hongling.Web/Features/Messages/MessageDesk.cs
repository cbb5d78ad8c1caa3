using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Messages;

/// <summary>Leaving, replying to and rating messages. Members and visitors write to an organization they do
/// not administer, so posting and rating run elevated once their own rule has been checked here.</summary>
public sealed class MessageDesk(HonglingDb db, TimeProvider clock)
{
    public sealed record Draft(
        int OrganizationId,
        string AuthorName,
        string? ContactPhone,
        string Body,
        bool IsPublic,
        int? MemberId
    );

    public async Task<Message> PostAsync(Draft draft)
    {
        var message = new Message
        {
            OrganizationId = draft.OrganizationId,
            AuthorName = draft.AuthorName.Trim(),
            ContactPhone = draft.ContactPhone,
            Body = draft.Body.Trim(),
            IsPublic = draft.IsPublic,
            MemberId = draft.MemberId,
            PostedAt = clock.GetUtcNow().UtcDateTime,
            State = MessageState.Unanswered,
        };
        db.Messages.Add(message);
        using (db.Scope.ForMessage())
            await db.SaveChangesAsync();
        return message;
    }

    /// <summary>The signed-in member's own messages: the one place that reads messages by author rather than
    /// by organization (a member administers nothing, so the org-scope filter would hide them).</summary>
    public IQueryable<Message> Mine() =>
        db.Scope.MemberId is { } id ? db.MessagesWrittenBy(id) : db.Messages.Where(_ => false);

    /// <summary>Null when rated, else the error. Only the writer, only an answered message, only once.</summary>
    public async Task<string?> RateAsync(Message message, MessageRating rating)
    {
        if (!Enum.IsDefined(rating))
            return "请选择满意或不满意";
        if (message.State != MessageState.Answered || message.Reply is null)
            return "留言尚未回复,暂不能评价";
        if (message.Rating is not null)
            return "已经评价过了";
        message.Rating = rating;
        message.RatedAt = clock.GetUtcNow().UtcDateTime;
        using (db.Scope.ForMessage())
            await db.SaveChangesAsync();
        return null;
    }
}
