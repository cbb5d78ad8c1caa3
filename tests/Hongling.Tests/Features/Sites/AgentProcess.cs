using System.Diagnostics;

namespace Hongling.Tests.Features.Sites;

/// <summary>Runs the real terminal agent (hongling-terminal, built beside the tests) on a queue directory of its own,
/// as a site's PC would. Shared by the integration and the browser tests (linked into the latter).</summary>
public static class AgentProcess
{
    public static async Task<(int Code, string Output)> RunAsync(string dataDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hongling-terminal.dll"));
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(dataDirectory);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
