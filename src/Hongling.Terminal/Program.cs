using System.Globalization;
using Hongling.Agent;

// hongling-terminal: the remote-education site's terminal agent. See README.md, "The terminal agent".
var data = Option(args, "--data")
    ?? Environment.GetEnvironmentVariable("HONGLING_TERMINAL_DATA")
    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "hongling-terminal");

// The command is the first argument that is not the --data option.
var dataAt = Array.IndexOf(args, "--data");
var command = args.Where((_, i) => dataAt < 0 || (i != dataAt && i != dataAt + 1)).FirstOrDefault();
if (command is null or "help" or "--help" or "-h")
    return Usage(0);
using var store = new AgentStore(data);
var agent = new TerminalAgent(store);
try
{
    return command switch
    {
        "configure" => Configure(),
        "start" => Start(),
        "stop" => Stop(),
        "record" => Record(),
        "sync" => await SyncAsync(),
        "status" => Status(),
        _ => Usage(2),
    };
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

int Configure()
{
    var server = Required("--server");
    var key = Required("--key");
    if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        throw new FormatException("服务器地址应以 http:// 或 https:// 开头");
    agent.Configure(server, key);
    Console.WriteLine($"已配置:服务器 {server},密钥尾号 …{key[^Math.Min(6, key.Length)..]}");
    return 0;
}

int Start()
{
    var (courseware, count, cards) = Session();
    if (!store.Start(agent.Now, courseware, count, cards))
    {
        Console.Error.WriteLine("已有正在进行的收看,请先运行 stop");
        return 2;
    }
    Console.WriteLine($"开始收看:{courseware}");
    return 0;
}

int Stop()
{
    var now = agent.Now;
    if (
        store.CurrentSession() is { } running
        && (now - running.StartedAt < TimeSpan.FromSeconds(1) || now - running.StartedAt > TimeSpan.FromHours(12))
    )
    {
        // The server refuses such a record, and one refused record would hold up the whole queue.
        store.Discard();
        Console.Error.WriteLine(
            now - running.StartedAt > TimeSpan.FromHours(12)
                ? "这次收看超过12小时(可能忘记结束),未记录;请用 record 补记实际的开始和结束时间"
                : "收看时长为0,未记录"
        );
        return 2;
    }
    if (store.Stop(now) is not { } record)
    {
        Console.Error.WriteLine("没有正在进行的收看");
        return 2;
    }
    Console.WriteLine(
        $"已记录第 {record.Seq} 条:{record.Courseware},{(int)(record.EndedAt - record.StartedAt).TotalMinutes} 分钟(待同步)"
    );
    return 0;
}

int Record()
{
    var start = Time("--start");
    var end = Time("--end");
    if (end <= start)
        throw new FormatException("结束时间必须晚于开始时间");
    if (end - start > TimeSpan.FromHours(12))
        throw new FormatException("一次收看不能超过12小时");
    if (end > agent.Now.AddMinutes(5))
        throw new FormatException("收看时间不能晚于当前时间");
    var (courseware, count, cards) = Session();
    var record = store.Append(start, end, courseware, count, cards);
    Console.WriteLine(
        $"已记录第 {record.Seq} 条:{record.Courseware},{(int)(record.EndedAt - record.StartedAt).TotalMinutes} 分钟(待同步)"
    );
    return 0;
}

async Task<int> SyncAsync()
{
    var options = new SyncOptions(
        BatchSize: int.TryParse(Option(args, "--batch"), out var b) ? b : 200,
        Attempts: int.TryParse(Option(args, "--attempts"), out var a) ? a : 6
    );
    var result = await agent.SyncAsync(options);
    Console.WriteLine($"已上报 {result.Sent} 条,队列中还有 {result.Queued} 条");
    if (result.Error is null)
        return 0;
    Console.Error.WriteLine(result.Error);
    return result.Retryable ? 1 : 3;
}

int Status()
{
    var (queued, sent, lastSeq, head, breaks) = store.Counts();
    var key = store.Setting("key");
    Console.WriteLine($"server: {store.Setting("server") ?? "(未配置)"}");
    Console.WriteLine($"key: {(key is null ? "(未配置)" : "…" + key[^Math.Min(6, key.Length)..])}");
    Console.WriteLine($"queued: {queued}");
    Console.WriteLine($"sent: {sent}");
    Console.WriteLine($"last_seq: {lastSeq}");
    Console.WriteLine($"chain_head: {head ?? ""}");
    Console.WriteLine($"chain_breaks_reported_by_server: {breaks}");
    var running = store.CurrentSession();
    Console.WriteLine(
        $"running: {(running is null ? "否" : $"{running.Courseware},开始于 {running.StartedAt:yyyy-MM-dd HH:mm:ss}Z")}"
    );
    foreach (var r in store.Unsent(20))
        Console.WriteLine($"  待同步 #{r.Seq} {r.StartedAt:yyyy-MM-dd HH:mm}Z–{r.EndedAt:HH:mm}Z {r.Courseware}");
    return 0;
}

(string Courseware, int? Count, List<string> Cards) Session()
{
    var courseware = Required("--courseware").Trim();
    if (courseware.Length > 200 || courseware.Any(char.IsControl))
        throw new FormatException("课件名称不超过200字,不含换行");
    int? count = Option(args, "--attendees") is { } n
        ? int.TryParse(n, out var v) && v >= 0
            ? v
            : throw new FormatException("参加人数应为非负整数")
        : null;
    var cards = (Option(args, "--cards") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToList();
    if (count > 10_000 || cards.Count > 1000 || cards.Any(c => c.Length > 20 || !c.All(char.IsAsciiLetterOrDigit)))
        throw new FormatException("参加人数不超过10000;红色身份证号只能由字母和数字组成,每个不超过20位");
    return (courseware, count, cards);
}

DateTime Time(string name) =>
    DateTimeOffset.TryParse(Required(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
        ? t.UtcDateTime
        : throw new FormatException($"{name} 应为 ISO 8601 时间,如 2026-11-20T19:00:00+08:00");

string Required(string name) => Option(args, name) is { Length: > 0 } v ? v : throw new FormatException($"缺少 {name}");

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int Usage(int code)
{
    Console.WriteLine(
        """
        hongling-terminal(红领远教终端)[--data 目录] 命令:
          configure --server URL --key 密钥        设置服务器地址和终端密钥
          start --courseware 课件 [--attendees N] [--cards 卡号,卡号]   开始一次收看
          stop                                      结束当前收看,记入本地队列
          record --start ISO --end ISO --courseware 课件 [--attendees N] [--cards ...]   补记一次收看
          sync [--batch 200] [--attempts 6]         上报队列(失败自动重试,指数退避)
          status                                    查看配置、队列和链头
        """
    );
    return code;
}
