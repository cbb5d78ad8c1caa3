using System.Net;

namespace Hongling.ClusterTests;

[Collection(Instances.Name)]
public sealed class SiteCacheTests(Cluster cluster)
{
    [Fact]
    public async Task Publishing_OnOneInstance_EvictsTheCachedWebsiteOnBoth()
    {
        using var visitor = new Visitor(cluster);
        foreach (var i in new[] { cluster.A, cluster.B })
        {
            await visitor.GetAsync($"{i.Url}/site");
            var again = await visitor.GetAsync($"{i.Url}/site");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.NotNull(again.Headers.Age); // served from the output cache
        }

        using var admin = new Visitor(cluster);
        await admin.SignInAsync("1000000003");
        var branch = (await cluster.QueryAsync("""select "Id" from "Organizations" where "Code" = 'T001B001'"""))[0][0];
        var title = "集群发布测试" + Guid.NewGuid().ToString("N")[..6];
        var edit = $"/WorkUpdates/Edit?org={branch}";
        var published = await admin.SubmitAsync(
            edit,
            edit,
            new()
            {
                ["Input.Kind"] = "Original",
                ["Input.Title"] = title,
                ["Input.Body"] = "<p>两个实例都应立即显示。</p>",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        foreach (var i in new[] { cluster.A, cluster.B })
            Assert.Contains(title, await (await visitor.GetAsync($"{i.Url}/site")).Content.ReadAsStringAsync());
    }
}
