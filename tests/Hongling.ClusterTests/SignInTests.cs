using System.Net;

namespace Hongling.ClusterTests;

[Collection(Instances.Name)]
public sealed class SignInTests(Cluster cluster)
{
    [Fact]
    public async Task SignIn_ThroughEitherInstance_WorksOnBoth_AndSignOutEndsItOnBoth()
    {
        using var member = new Visitor(cluster);
        await member.SignInAsync("8000000001");

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{cluster.A.Url}/api/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{cluster.B.Url}/api/whoami")).StatusCode);
        var served = new HashSet<Instance?>();
        for (var i = 0; i < 10 && served.Count < 2; i++)
        {
            var answer = await member.GetAsync("/api/whoami");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            served.Add(cluster.ByUpstream(Visitor.Upstream(answer)));
        }
        Assert.Equal(2, served.Count);

        // The sign-out form comes from one instance and its post goes to the other.
        var bye = await member.SubmitAsync("/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, bye.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync($"{cluster.A.Url}/api/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync($"{cluster.B.Url}/api/whoami")).StatusCode);
    }
}
