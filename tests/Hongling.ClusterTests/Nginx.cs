using System.Diagnostics;

namespace Hongling.ClusterTests;

/// <summary>Debian's nginx in the foreground with a private prefix, balancing the instances round robin as
/// deploy/nginx-hongling.conf does (without TLS), and naming the instance that answered in X-Upstream.</summary>
public sealed class Nginx(string folder, int port, IEnumerable<Instance> instances) : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private Process? _process;
    public string Url => $"http://127.0.0.1:{port}";

    public async Task StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException("nginx is not installed (apt-get install nginx-light)");
        var upstreams = string.Concat(instances.Select(i => $"    server 127.0.0.1:{i.Port} max_fails=0;\n"));
        var conf = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(
            conf,
            $$"""
            user root;
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/nginx-error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream hongling {
            {{upstreams}}    keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://hongling;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502 http_503;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """
        );
        var info = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", conf, "-p", folder, "-e", Path.Combine(folder, "nginx-error.log") })
            info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync($"{Url}/health/live")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            if (_process.HasExited)
                break;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("nginx did not start: " + await _process.StandardError.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not { HasExited: false } p)
            return;
        p.Kill();
        await p.WaitForExitAsync();
    }
}
