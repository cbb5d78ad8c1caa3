using System.Text.Encodings.Web;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Publishes a bulletin: it becomes readable in the issuer's whole subtree and is sent to the units as an
/// announcement (组织公告) linking the bulletin and its documents (.docx and the attachments' .xlsx). One transaction:
/// either both happen or neither.</summary>
public sealed class BulletinPublisher(HonglingDb db, TimeProvider clock, NotificationQueue notifications)
{
    public async Task PublishAsync(BulletinView view, CancellationToken ct)
    {
        var b = view.Bulletin;
        var now = clock.GetUtcNow().UtcDateTime;
        var link = $"/Bulletins/{b.Id}";
        var html = HtmlEncoder.Default;
        var body =
            $"<p>{html.Encode($"现将{view.Title}({view.NumberText})印发给你们,请结合实际认真抓好落实。")}</p>"
            + $"<p><a href=\"{link}\">查看通报全文</a></p>"
            + $"<p>附件:<a href=\"{link}?handler=Docx\">通报正文(.docx)</a>、<a href=\"{link}?handler=Xlsx\">附件1-3统计表"
            + $"(.xlsx)</a></p>";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var notice = db
            .Notices.Add(
                new Notice
                {
                    OrganizationId = b.OrganizationId,
                    AudiencePath = b.OrgPath,
                    AudienceIncludesSubtree = true,
                    Title = Truncate(view.Title, 100),
                    Body = RichText.Clean(body).Html ?? "",
                    PublishedAt = now,
                    PublishedBy = db.Scope.ActorName,
                }
            )
            .Entity;
        await db.SaveChangesAsync(ct);
        b.PublishedAt = now;
        b.PublishedBy = db.Scope.ActorName;
        b.AudienceIncludesSubtree = true;
        b.NoticeId = notice.Id;
        await db.SaveChangesAsync(ct);
        // The units' administrators (members holding a post in the subtree) hear of it in their inbox.
        await notifications.NotifyAsync(
            new(
                b.OrganizationId,
                NotificationCategory.Bulletin,
                notice.Title,
                $"{view.Title}({view.NumberText})已印发,请查阅。"
            )
            {
                Link = link,
            },
            db.AdministeredMembers.InSubtree(b.OrgPath)
                .Where(m =>
                    db.Users.Any(u => u.MemberId == m.Id && db.OrgAdministrators.Any(a => a.AccountId == u.Id))
                ),
            ct
        );
        await tx.CommitAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
