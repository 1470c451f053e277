using CentralDispatch.Testing.Postgres;

namespace CentralDispatch.Dispatcher.Tests.Postgres;

/// <summary>The tests that share this assembly's one PostgreSQL server; put every PostgreSQL test class in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}
