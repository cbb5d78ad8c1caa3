namespace Hongling.Web.Domain;

/// <summary>How a transfer reads in lists: the state in the words of its kind, and which side is elsewhere.</summary>
public static class TransferText
{
    public static string State(Transfer t) =>
        (t.Kind, t.State) switch
        {
            (TransferKind.Out, TransferState.Pending) => "待回执",
            (TransferKind.Out, TransferState.Accepted) => "已转出",
            (TransferKind.In, TransferState.Accepted) => "已转入",
            _ => Labels.Of(t.State),
        };

    public static string From(Transfer t) => t.Kind == TransferKind.In ? $"{t.FromName}(平台外)" : t.FromName;

    public static string To(Transfer t) => t.Kind == TransferKind.Out ? $"{t.ToName}(平台外)" : t.ToName;

    /// <summary>The letter page: an introduction letter the platform issued, or the record of one received.</summary>
    public static string Document(Transfer t) => t.Kind == TransferKind.In ? "转入登记" : "介绍信";
}
