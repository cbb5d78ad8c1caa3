using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Tests.Infrastructure.Notifications;

/// <summary>The signer against the worked examples the provider publishes.</summary>
public class AliyunSignatureTests
{
    /// <summary>The SMS documentation's worked example ("HTTP协议及签名", help.aliyun.com/document_detail/56189,
    /// mirrored at developer.aliyun.com/ask/218522 and developer.aliyun.com/ask/278546): AccessKeyId testId, secret
    /// testSecret, a SendSms request with a Chinese sign name and a JSON template parameter.</summary>
    [Fact]
    public void Sign_SmsDocumentationExample_GivesTheDocumentedSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["AccessKeyId"] = "testId",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Format"] = "XML",
            ["Action"] = "SendSms",
            ["Version"] = "2017-05-25",
            ["RegionId"] = "cn-hangzhou",
            ["PhoneNumbers"] = "15300000001",
            ["SignName"] = "阿里云短信测试专用",
            ["TemplateParam"] = "{\"customer\":\"test\"}",
            ["TemplateCode"] = "SMS_71390007",
            ["OutId"] = "123",
        };

        Assert.Equal(
            "AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou"
                + "&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8"
                + "&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0"
                + "&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D"
                + "&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25",
            AliyunSignature.CanonicalizedQuery(parameters)
        );
        Assert.Equal(
            "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001"
                + "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD"
                + "%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8"
                + "%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0"
                + "%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D"
                + "%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25",
            AliyunSignature.StringToSign("GET", parameters)
        );
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSignature.Sign("GET", parameters, "testSecret"));
    }

    /// <summary>The RPC signature documentation's example ("签名机制", e.g.
    /// help.aliyun.com/en/document_detail/145075 and alibabacloud.com/help/doc-detail/127287): DescribeRegions with
    /// AccessKeyId testid, secret testsecret.</summary>
    [Fact]
    public void Sign_RpcDocumentationExample_GivesTheDocumentedSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Format"] = "XML",
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0",
        };

        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            AliyunSignature.StringToSign("GET", parameters)
        );
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSignature.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("+/=&", "%2B%2F%3D%26")]
    [InlineData("党", "%E5%85%9A")]
    public void PercentEncode_FollowsTheDocumentedRules(string value, string encoded) =>
        Assert.Equal(encoded, AliyunSignature.PercentEncode(value));

    [Fact]
    public void Sign_IgnoresAnExistingSignatureParameter()
    {
        var parameters = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" };
        var withSignature = new Dictionary<string, string>(parameters) { ["Signature"] = "old" };
        Assert.Equal(AliyunSignature.Sign("GET", parameters, "s"), AliyunSignature.Sign("GET", withSignature, "s"));
    }
}
