using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The real SMTP server the tests send to: smtp4dev, as test.sh starts it (HONGLING_TEST_SMTP="host:port",
/// HONGLING_TEST_SMTP_API="http://host:port"), or started here from the repo's tool manifest when those are unset
/// (a single test class run by hand). Messages are read back through smtp4dev's HTTP API.</summary>
public sealed class LocalSmtp
{
    private static readonly Lazy<Task<LocalSmtp>> Shared = new(StartAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public required string Host { get; init; }
    public required int Port { get; init; }
    public required Uri Api { get; init; }

    public static Task<LocalSmtp> GetAsync() => Shared.Value;

    /// <summary>The settings that point the application at this server, for <c>UseSetting</c>.</summary>
    public Dictionary<string, string> Settings =>
        new()
        {
            ["Notifications:Smtp:Host"] = Host,
            ["Notifications:Smtp:Port"] = Port.ToString(),
            ["Notifications:Smtp:TlsMode"] = "None",
        };

    public SmtpOptions Options() =>
        new()
        {
            Host = Host,
            Port = Port,
            TlsMode = SmtpTlsMode.None,
            TimeoutSeconds = 10,
        };

    /// <summary>The messages smtp4dev holds for a recipient (the list entries: id, from, to, subject), waiting up to
    /// a few seconds for at least one.</summary>
    public async Task<JsonElement[]> MessagesToAsync(string address)
    {
        for (var i = 0; ; i++)
        {
            var page = await Http.GetFromJsonAsync<JsonElement>(
                new Uri(Api, $"api/messages?pageSize=100&searchTerms={Uri.EscapeDataString(address)}")
            );
            var found = page.GetProperty("results")
                .EnumerateArray()
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == address))
                .ToArray();
            if (found.Length > 0 || i == 50)
                return found;
            await Task.Delay(100);
        }
    }

    public Task<JsonElement> MessageAsync(string id) =>
        Http.GetFromJsonAsync<JsonElement>(new Uri(Api, $"api/messages/{id}"));

    public Task<string> PlainTextAsync(string id) => Http.GetStringAsync(new Uri(Api, $"api/messages/{id}/plaintext"));

    private static async Task<LocalSmtp> StartAsync()
    {
        var smtp = Environment.GetEnvironmentVariable("HONGLING_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("HONGLING_TEST_SMTP_API");
        LocalSmtp server;
        if (!string.IsNullOrEmpty(smtp) && !string.IsNullOrEmpty(api))
        {
            var colon = smtp.LastIndexOf(':');
            server = new LocalSmtp
            {
                Host = smtp[..colon],
                Port = int.Parse(smtp[(colon + 1)..]),
                Api = new Uri(api.TrimEnd('/') + "/"),
            };
        }
        else
        {
            int smtpPort = FreePort(),
                httpPort = FreePort();
            var data = Directory.CreateTempSubdirectory("hongling-smtp4dev-").FullName;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepoRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (
                var arg in (string[])
                    [
                        "tool",
                        "run",
                        "smtp4dev",
                        "--",
                        $"--smtpport={smtpPort}",
                        $"--urls=http://127.0.0.1:{httpPort}",
                        "--bindaddress=127.0.0.1",
                        "--db=",
                        "--imapport=",
                        "--pop3port=",
                        "--nousersettings",
                        "--hostname=localhost",
                        $"--baseappdatapath={data}",
                    ]
            )
                start.ArgumentList.Add(arg);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException) { }
            };
            server = new LocalSmtp
            {
                Host = "127.0.0.1",
                Port = smtpPort,
                Api = new Uri($"http://127.0.0.1:{httpPort}/"),
            };
        }
        for (var i = 0; ; i++)
        {
            try
            {
                using var ready = await Http.GetAsync(new Uri(server.Api, "api/messages?pageSize=1"));
                if (ready.StatusCode == HttpStatusCode.OK)
                    return server;
            }
            catch (HttpRequestException) when (i < 300) { }
            catch (TaskCanceledException) when (i < 300) { }
            await Task.Delay(200);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("dotnet-tools.json not found above the test binaries.");
    }
}
