using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hongling.Web.Features.Sites;

/// <summary>The terminal API in the OpenAPI document: its own security scheme (the device key as a bearer token) on
/// each terminal operation, and what its 401 means there (a bad key, not a missing cookie). Runs after the document's
/// shared transformers (Infrastructure/ApiDocs), which it leaves as they are.</summary>
public static class TerminalApiDocs
{
    public static IServiceCollection AddTerminalApiDocs(this IServiceCollection services) =>
        services.PostConfigure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer(
                (document, _, _) =>
                {
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[TerminalApi.Scheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description =
                            "终端密钥:站点管理员在“终端管理”页登记终端时获得(只显示一次),请求头 Authorization: Bearer 密钥。密钥无效、已轮换或已停用时返回 401。\n\n"
                            + "The terminal's device key, issued once on the site's Terminals page: send "
                            + "Authorization: Bearer KEY. "
                            + "An unknown, rotated or revoked key answers 401 (terminal_key_invalid).",
                    };
                    return Task.CompletedTask;
                }
            );
            o.AddOperationTransformer(
                (operation, context, _) =>
                {
                    if (
                        !context
                            .Description.ActionDescriptor.EndpointMetadata.OfType<TerminalApi.TerminalKeyMetadata>()
                            .Any()
                    )
                        return Task.CompletedTask;
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement
                        {
                            [new OpenApiSecuritySchemeReference(TerminalApi.Scheme, context.Document)] = [],
                        },
                    ];
                    if (
                        operation.Responses?.TryGetValue("401", out var unauthorized) == true
                        && unauthorized is OpenApiResponse r
                    )
                        r.Description =
                            "终端密钥无效、已轮换或已停用(terminal_key_invalid)。 The device key is unknown, rotated or revoked.";
                    if (
                        operation.Responses?.TryGetValue("409", out var conflict) == true
                        && conflict is OpenApiResponse c
                    )
                        c.Description =
                            "同一记录编号(clientId)已上报过但内容不同,整批未保存(terminal_client_id_conflict)。 A client id already "
                            + "reported with other content; nothing saved.";
                    return Task.CompletedTask;
                }
            );
        });
}
