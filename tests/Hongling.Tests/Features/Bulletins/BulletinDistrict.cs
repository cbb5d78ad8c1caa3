using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Bulletins;

/// <summary>A small district of its own root, built by hand for the bulletin's tests: 东镇 with two branches, 西镇 with
/// one, 空镇 without any, each town a unit of the district.</summary>
public sealed record BulletinDistrict(
    Organization Root,
    Organization East,
    Organization East1,
    Organization East2,
    Organization West,
    Organization West1,
    Organization Empty
)
{
    public static Task<BulletinDistrict> BuildAsync(TestApp app) =>
        app.WithDbAsync(async db =>
        {
            Organization Org(string prefix, string name, OrgKind kind, Organization? parent)
            {
                var o = new Organization
                {
                    Code = TestApp.UniqueCode(prefix),
                    Name = name,
                    Kind = kind,
                    Category = OrgCategory.Village,
                };
                o.PlaceUnder(parent);
                db.Organizations.Add(o);
                return o;
            }
            var root = Org("D", "通报区委", OrgKind.Committee, null);
            await db.SaveChangesAsync();
            var east = Org("T", "东镇党委", OrgKind.Committee, root);
            var west = Org("T", "西镇党委", OrgKind.Committee, root);
            var empty = Org("T", "空镇党委", OrgKind.Committee, root);
            await db.SaveChangesAsync();
            var east1 = Org("B", "东镇一支部", OrgKind.Branch, east);
            var east2 = Org("B", "东镇二支部", OrgKind.Branch, east);
            var west1 = Org("B", "西镇一支部", OrgKind.Branch, west);
            await db.SaveChangesAsync();
            return new BulletinDistrict(root, east, east1, east2, west, west1, empty);
        });
}
