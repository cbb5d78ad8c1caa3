using System.Net.Http.Json;
using Hongling.SmsGateway;
using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The local SendSms endpoint the tests send to (tests/Hongling.SmsGateway): the one test.sh starts
/// (HONGLING_TEST_SMS = its address, HONGLING_TEST_SMS_KEY_ID, HONGLING_TEST_SMS_SECRET), or one started here on a
/// loopback port when those are unset. Either way the sender reaches it over HTTP.</summary>
public sealed class LocalSmsGateway
{
    /// <summary>The sign name and template code the gateway accepts (test.sh starts it with the same).</summary>
    public const string SignName = "红领党建";
    public const string TemplateCode = "SMS_HONGLING_TEST";

    private static readonly Lazy<Task<LocalSmsGateway>> Shared = new(StartAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public required Uri Endpoint { get; init; }
    public required string AccessKeyId { get; init; }
    public required string AccessKeySecret { get; init; }

    public static Task<LocalSmsGateway> GetAsync() => Shared.Value;

    /// <summary>The settings that point the application at this gateway, for <c>UseSetting</c>.</summary>
    public Dictionary<string, string> Settings =>
        new()
        {
            ["Notifications:Sms:Endpoint"] = Endpoint.ToString(),
            ["Notifications:Sms:AccessKeyId"] = AccessKeyId,
            ["Notifications:Sms:AccessKeySecret"] = AccessKeySecret,
            ["Notifications:Sms:SignName"] = SignName,
            ["Notifications:Sms:TemplateCode"] = TemplateCode,
        };

    public SmsOptions Options() =>
        new()
        {
            Endpoint = Endpoint.ToString(),
            AccessKeyId = AccessKeyId,
            AccessKeySecret = AccessKeySecret,
            SignName = SignName,
            TemplateCode = TemplateCode,
            TimeoutSeconds = 10,
        };

    /// <summary>What the gateway received for a phone number.</summary>
    public async Task<ReceivedRequest[]> ReceivedForAsync(string phone)
    {
        var all = await Http.GetFromJsonAsync<ReceivedRequest[]>(new Uri(Endpoint, "__received"));
        return all!.Where(r => r.Parameters.GetValueOrDefault("PhoneNumbers") == phone).ToArray();
    }

    private static async Task<LocalSmsGateway> StartAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("HONGLING_TEST_SMS");
        if (!string.IsNullOrEmpty(endpoint))
            return new LocalSmsGateway
            {
                Endpoint = new Uri(endpoint.TrimEnd('/') + "/"),
                AccessKeyId = Environment.GetEnvironmentVariable("HONGLING_TEST_SMS_KEY_ID") ?? "LTAI-hongling-test",
                AccessKeySecret = Environment.GetEnvironmentVariable("HONGLING_TEST_SMS_SECRET")
                    ?? throw new InvalidOperationException("HONGLING_TEST_SMS_SECRET goes with HONGLING_TEST_SMS."),
            };
        const string keyId = "LTAI-hongling-test";
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var app = SmsGateway.SmsGateway.Build([
            $"--Gateway:AccessKeyId={keyId}",
            $"--Gateway:AccessKeySecret={secret}",
            $"--Gateway:SignName={SignName}",
            $"--Gateway:TemplateCode={TemplateCode}",
            "--urls=http://127.0.0.1:0",
        ]);
        await app.StartAsync();
        return new LocalSmsGateway
        {
            Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/"),
            AccessKeyId = keyId,
            AccessKeySecret = secret,
        };
    }
}
