namespace Hongling.SmsGateway;

/// <summary>Runs the gateway: <c>dotnet Hongling.SmsGateway.dll --urls http://127.0.0.1:PORT
/// --Gateway:AccessKeyId=ID --Gateway:AccessKeySecret=SECRET</c> (test.sh does).</summary>
public static class GatewayProgram
{
    public static Task Main(string[] args) => SmsGateway.Build(args).RunAsync();
}
