namespace Hongling.ClusterTests;

/// <summary>The cases that stop, kill or count on the instances run one after another; each leaves both
/// running.</summary>
[CollectionDefinition(Name)]
public sealed class Instances
{
    public const string Name = "instances";
}

/// <summary>What a test checks of a request that may meet a dying instance: its answer, or null when the connection
/// failed (nginx answers 502 for a request caught in an instance's death: an answer, not acknowledged).</summary>
public static class Tolerant
{
    public static async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
