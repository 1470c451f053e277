namespace CentralDispatch.Dispatcher.Store;

/// <summary>Which database holds the dispatcher's store.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}
