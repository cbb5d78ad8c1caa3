using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hongling.ClusterTests;

/// <summary>One app process from the built Hongling.Web.dll on a loopback port, with the cluster's settings. It can
/// be stopped gracefully (SIGTERM: Kestrel drains, the group-commit writers flush what they accepted), killed
/// (SIGKILL: nothing drains) and started again on the same port.</summary>
public sealed class Instance(
    string name,
    string dll,
    int port,
    IReadOnlyDictionary<string, string> settings,
    string logs
)
{
    private Process? _process;
    public string Name => name;
    public int Port => port;
    public string Url => $"http://127.0.0.1:{port}";
    public bool Running => _process is { HasExited: false };

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Url);
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        var log = Path.Combine(logs, $"{name}.log");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(log);
    }

    private static readonly Lock Writing = new();

    private static void Append(string log, string? line)
    {
        if (line is null)
            return;
        lock (Writing)
            File.AppendAllText(log, line + "\n");
    }

    /// <summary>Ready as the load balancer sees it: /health/ready answers 200 (migrated, database reachable).</summary>
    private async Task WaitReadyAsync(string log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process!.HasExited)
                break;
            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        var text = File.Exists(log) ? File.ReadAllText(log) : "";
        var tail = text[Math.Max(0, text.Length - 4000)..];
        throw new InvalidOperationException($"{name} did not become ready on {Url}:\n{tail}");
    }

    /// <summary>SIGTERM and wait for the process to end, as systemd stops a unit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } p)
            return;
        _ = Kill(p.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL: the process ends at once, with whatever it held in memory.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } p)
            return;
        p.Kill();
        await p.WaitForExitAsync();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
