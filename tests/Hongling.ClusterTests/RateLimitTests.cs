using System.Net;

namespace Hongling.ClusterTests;

[Collection(Instances.Name)]
public sealed class RateLimitTests(Cluster cluster)
{
    [Fact]
    public async Task PerAccountLimit_CountsBeatsOnBothInstancesTogether()
    {
        using var member = new Visitor(cluster);
        await member.SignInAsync("8000000007");
        var session = await member.OpenStudyAsync();
        var answers = new List<HttpResponseMessage>();
        for (var seq = 1; seq <= 36; seq++)
            answers.Add(await member.PostJsonAsync("/api/study/heartbeat", new { sessionId = session, seq }));

        // 30 a minute per account (the default): 36 beats alternating between two instances leave 6 refused, not 0.
        var allowed = answers.Where(a => a.StatusCode != HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(30, allowed.Count);
        Assert.Equal(2, allowed.Select(a => cluster.ByUpstream(Visitor.Upstream(a))).Distinct().Count());
    }

    [Fact]
    public async Task PerAddressLimit_CountsVisitorsMessagesOnBothInstancesTogether()
    {
        using var visitor = new Visitor(cluster);
        var branch = (await cluster.QueryAsync("""select "Id" from "Organizations" where "Code" = 'T001B001'"""))[0][0];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await visitor.PostJsonAsync($"/site/org/{branch}/message", new { })).StatusCode);

        // 5 an hour per client address (nginx forwards it: X-Forwarded-For from the known proxy).
        Assert.Equal(5, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
