using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Website;

/// <summary>A flood of visitor messages from one address is throttled (its own host: the limit is per
/// process).</summary>
public sealed class PublicMessageFloodTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task SixthMessageWithinTheHour_FromOneAddress_Answers429_AndIsNotSaved()
    {
        var (_, branch) = await app.AddTownAsync("洪水镇");
        var visitor = app.NewClient();
        var form = await SiteForms.OpenAsync(visitor, branch.Id);
        for (var i = 0; i < 5; i++)
            Assert.Equal(
                HttpStatusCode.Redirect,
                (await SiteForms.PostAsync(visitor, branch.Id, form, "刷屏", $"第{i}条")).StatusCode
            );
        var sixth = await SiteForms.PostAsync(visitor, branch.Id, form, "刷屏", "第6条");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("操作过于频繁", await sixth.Content.ReadAsStringAsync());
        Assert.Equal(5, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.OrganizationId == branch.Id)));
        // The website itself still answers.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/site/org/{branch.Id}")).StatusCode);
    }
}
