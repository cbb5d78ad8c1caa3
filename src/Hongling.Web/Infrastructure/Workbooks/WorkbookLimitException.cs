namespace Hongling.Web.Infrastructure.Workbooks;

/// <summary>A workbook passed one of <see cref="SheetReader"/>'s limits: reading stopped there, and nothing of the
/// file may be imported. The message is Chinese, for the user. Row and Column (1-based) name the cell when one
/// cell is at fault; both are 0 when the file as a whole is.</summary>
public sealed class WorkbookLimitException(string message, int row = 0, int column = 0) : Exception(message)
{
    public int Row { get; } = row;
    public int Column { get; } = column;
}
