namespace NoticeChain.Core.Receipts;

/// <summary>A receipt's JSON is malformed, of an unknown version, or breaks a value rule.</summary>
/// <remarks>
/// The one exception for every malformed receipt, so a caller catches one type. <see cref="Field"/> names the
/// offending JSON field (<c>auditPath[3]</c>, <c>treeSize</c>, or <c>$</c> for the document as a whole) so that
/// an HTTP edge can answer with a problem report that names it. Messages never quote input values.
/// </remarks>
public sealed class ReceiptFormatException : FormatException
{
    /// <summary>Creates the exception for a field.</summary>
    public ReceiptFormatException(string field, string message)
        : base(message) => Field = field;

    /// <summary>Creates the exception with a message for the document as a whole.</summary>
    public ReceiptFormatException(string message)
        : this("$", message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ReceiptFormatException(string message, Exception innerException)
        : base(message, innerException) => Field = "$";

    /// <summary>Creates the exception without a message.</summary>
    public ReceiptFormatException()
        : this("$", "The receipt is malformed.")
    {
    }

    /// <summary>The JSON field at fault, or <c>$</c> for the whole document.</summary>
    public string Field { get; }
}
