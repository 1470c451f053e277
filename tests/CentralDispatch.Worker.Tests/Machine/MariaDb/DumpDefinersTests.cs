using System.Text;
using CentralDispatch.Worker.Machine.MariaDb;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

/// <summary>The DEFINER filter on the shapes mariadb-dump 10.11 writes (copied from real dumps), and on everything it must leave alone.</summary>
public sealed class DumpDefinersTests
{
    private const string Own = "`cd_new`@`localhost`";

    public static TheoryData<string, string, string> Clauses => new()
    {
        {
            "/*!50003 CREATE*/ /*!50017 DEFINER=`cd_shop`@`localhost`*/ /*!50003 TRIGGER customers_ai AFTER INSERT ON customers FOR EACH ROW INSERT INTO audit(what) VALUES ('x') ",
            "/*!50003 CREATE*/ /*!50017 DEFINER=`cd_new`@`localhost`*/ /*!50003 TRIGGER customers_ai AFTER INSERT ON customers FOR EACH ROW INSERT INTO audit(what) VALUES ('x') ",
            "`cd_shop`@`localhost`"
        },
        {
            "/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2026-12-03 09:34:51' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE id < 0 ",
            "/*!50106 CREATE*/ /*!50117 DEFINER=`cd_new`@`localhost`*/ /*!50106 EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2026-12-03 09:34:51' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE id < 0 ",
            "`root`@`localhost`"
        },
        {
            "CREATE DEFINER=`cd_shop`@`localhost` FUNCTION `customer_count`() RETURNS int(11)",
            "CREATE DEFINER=`cd_new`@`localhost` FUNCTION `customer_count`() RETURNS int(11)",
            "`cd_shop`@`localhost`"
        },
        {
            "CREATE DEFINER=`cd_shop`@`%` PROCEDURE `add_customer`(IN n VARCHAR(100))",
            "CREATE DEFINER=`cd_new`@`localhost` PROCEDURE `add_customer`(IN n VARCHAR(100))",
            "`cd_shop`@`%`"
        },
        {
            // A routine made with sql_mode ANSI_QUOTES.
            "CREATE DEFINER=\"root\"@\"localhost\" PROCEDURE \"ansi_proc\"()",
            "CREATE DEFINER=`cd_new`@`localhost` PROCEDURE \"ansi_proc\"()",
            "\"root\"@\"localhost\""
        },
        {
            // A role as definer has no host.
            "CREATE DEFINER=`app_role` PROCEDURE `role_proc`()",
            "CREATE DEFINER=`cd_new`@`localhost` PROCEDURE `role_proc`()",
            "`app_role`"
        },
        {
            "CREATE DEFINER=`cd_shop`@`localhost` AGGREGATE FUNCTION `agg`(x INT) RETURNS int(11)",
            "CREATE DEFINER=`cd_new`@`localhost` AGGREGATE FUNCTION `agg`(x INT) RETURNS int(11)",
            "`cd_shop`@`localhost`"
        },
        {
            "/*!50013 DEFINER=`someone`@`%` SQL SECURITY DEFINER */",
            "/*!50013 DEFINER=`cd_new`@`localhost` SQL SECURITY DEFINER */",
            "`someone`@`%`"
        },
        {
            "/*!50013 DEFINER=`cd_shop`@`localhost` SQL SECURITY INVOKER */",
            "/*!50013 DEFINER=`cd_new`@`localhost` SQL SECURITY INVOKER */",
            "`cd_shop`@`localhost`"
        },
        {
            // Quotes inside names are doubled by the server.
            "/*!50003 CREATE*/ /*!50017 DEFINER=`we``ird`@`h\"st`*/ /*!50003 TRIGGER t_weird BEFORE INSERT ON audit FOR EACH ROW SET NEW.what = NEW.what ",
            "/*!50003 CREATE*/ /*!50017 DEFINER=`cd_new`@`localhost`*/ /*!50003 TRIGGER t_weird BEFORE INSERT ON audit FOR EACH ROW SET NEW.what = NEW.what ",
            "`we``ird`@`h\"st`"
        },
        {
            "CREATE DEFINER=`zoë`@`localhost` PROCEDURE `p`()",
            "CREATE DEFINER=`cd_new`@`localhost` PROCEDURE `p`()",
            "`zoë`@`localhost`"
        },
    };

    [Theory]
    [MemberData(nameof(Clauses))]
    public async Task RewriteAsync_SetsTheDefinerOfEachShapeMariaDbDumpWrites(string line, string expected, string original)
    {
        var (output, rewrites) = await RewriteAsync($"-- before\n{line}\nBEGIN SELECT 1; END\n");

        Assert.Equal($"-- before\n{expected}\nBEGIN SELECT 1; END\n", output);
        Assert.Equal(1, rewrites.Count);
        Assert.Equal([original], rewrites.Originals);
    }

    [Theory]
    [InlineData("INSERT INTO `notes` VALUES (1,'CREATE DEFINER=`root`@`localhost` PROCEDURE p()');")]
    [InlineData("('/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */'),")]
    [InlineData(" CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()")]
    [InlineData("create definer=`root`@`localhost` procedure `p`()")]
    [InlineData("CREATE DEFINER=`root`@`localhost` TABLE `t` (a int)")]
    [InlineData("CREATE DEFINER=`root`@`localhost`PROCEDURE `p`()")]
    [InlineData("CREATE DEFINER=`unterminated@`localhost PROCEDURE `p`()")]
    [InlineData("CREATE DEFINER=CURRENT_USER PROCEDURE `p`()")]
    [InlineData("/*!50013 DEFINER=`root`@`localhost` */")]
    [InlineData("/*!50001 CREATE ALGORITHM=UNDEFINED */")]
    [InlineData("-- CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()")]
    public async Task RewriteAsync_LeavesEveryOtherLineAlone(string line)
    {
        var input = $"{line}\n{line}";

        var (output, rewrites) = await RewriteAsync(input);

        Assert.Equal(input, output);
        Assert.Equal(0, rewrites.Count);
    }

    [Fact]
    public async Task RewriteAsync_RewritesOnlyTheFirstClauseOfALine()
    {
        var line = "CREATE DEFINER=`a`@`localhost` PROCEDURE `p`() SELECT 'CREATE DEFINER=`b`@`localhost` PROCEDURE x'";

        var (output, rewrites) = await RewriteAsync(line);

        Assert.Equal("CREATE DEFINER=`cd_new`@`localhost` PROCEDURE `p`() SELECT 'CREATE DEFINER=`b`@`localhost` PROCEDURE x'", output);
        Assert.Equal(["`a`@`localhost`"], rewrites.Originals);
    }

    [Fact]
    public async Task RewriteAsync_CountsEveryClause_AndNamesEachOriginalDefinerOnce()
    {
        var input = string.Concat(Enumerable.Repeat("CREATE DEFINER=`a`@`localhost` PROCEDURE `p`()\n;;\n/*!50013 DEFINER=`b`@`%` SQL SECURITY DEFINER */\n", 3));

        var (_, rewrites) = await RewriteAsync(input);

        Assert.Equal(6, rewrites.Count);
        Assert.Equal(["`a`@`localhost`", "`b`@`%`"], rewrites.Originals);
        Assert.Equal("6 DEFINER clauses set to `cd_new`@`localhost` (they named `a`@`localhost`, `b`@`%`)", rewrites.Describe(Own));
    }

    /// <summary>Every split of the input across reads (a pipe, a slow disk) gives the same bytes, byte for byte, including non-UTF-8 ones.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(100_000)]
    public async Task RewriteAsync_GivesTheSameOutput_HoweverTheInputIsSplitIntoReads(int chunk)
    {
        var longRow = "(1,0x" + new string('A', 3 * DumpDefiners.MaxHeadLength) + "),";
        var lines = new[]
        {
            "/*M!999999\\- enable the sandbox mode */ ", "INSERT INTO `t` VALUES", longRow, longRow + "CREATE DEFINER=`x`@`y` PROCEDURE `q`()",
            "CREATE DEFINER=`cd_shop`@`localhost` PROCEDURE `p`()", "", "", "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */",
        };
        var text = string.Join('\n', lines) + "\n" + "CREATE DEFINER=`last`@`localhost` FUNCTION `f`() RETURNS int(11)";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0xff, 0xfe, 0x00, (byte)'\n' }).ToArray();
        var expected = Encoding.UTF8.GetBytes(text.Replace("`cd_shop`@`localhost`", Own, StringComparison.Ordinal)
                .Replace("`root`@`localhost`", Own, StringComparison.Ordinal).Replace("`last`@`localhost`", Own, StringComparison.Ordinal))
            .Concat(new byte[] { 0xff, 0xfe, 0x00, (byte)'\n' }).ToArray();

        using var source = new TrickleStream(bytes, chunk);
        using var destination = new MemoryStream();
        var rewrites = await DumpDefiners.RewriteAsync(source, destination, Own, CancellationToken.None, bufferSize: 1);

        Assert.Equal(expected, destination.ToArray());
        Assert.Equal(3, rewrites.Count);
    }

    [Fact]
    public async Task RewriteAsync_LeavesAClauseThatEndsBeyondTheHeadLimit_ForTheServerToRefuse()
    {
        var line = $"CREATE DEFINER=`{new string('u', DumpDefiners.MaxHeadLength)}`@`localhost` PROCEDURE `p`()";

        var (output, rewrites) = await RewriteAsync(line);

        Assert.Equal(line, output);
        Assert.Equal(0, rewrites.Count);
    }

    [Fact]
    public async Task RewriteAsync_OfAnEmptyInput_WritesNothing()
    {
        var (output, rewrites) = await RewriteAsync("");

        Assert.Equal("", output);
        Assert.Same(DefinerRewrites.None, rewrites);
    }

    private static async Task<(string Output, DefinerRewrites Rewrites)> RewriteAsync(string input)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var destination = new MemoryStream();
        var rewrites = await DumpDefiners.RewriteAsync(source, destination, Own, CancellationToken.None);
        return (Encoding.UTF8.GetString(destination.ToArray()), rewrites);
    }
}
