using Microsoft.Extensions.Logging;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>The store's log messages.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Note}")]
    public static partial void DataFolderChanged(ILogger logger, string note);
}
