namespace CentralDispatch.Core.Validation;

/// <summary>
/// Backend e-mail addresses: a plain local part and a host name; nothing that a config file, a crontab or a shell would
/// read twice. The address reaches the instance's config file and may reach its cron line (a placeholder of the cron
/// command template), so beyond what RFC 5322 forbids: no '%' (cron ends the command there and feeds the rest to its
/// standard input), no control character (a newline would add a line to the config file or the crontab), and no '-' first
/// (a program the cron line hands the address to would read it as an option, as sendmail reads -X).
/// </summary>
public static class EmailRule
{
    public const int MaxLength = 254;

    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: an e-mail address such as ops@example.com.";
        }

        if (value.Length > MaxLength)
        {
            return $"Too long: {value.Length} characters; at most {MaxLength}.";
        }

        if (value.Any(char.IsControl))
        {
            return $"{Text.Show(value)} holds a line break or other control character, which would add a line of its own to the instance's config file or cron line.";
        }

        // Before any case folding: ToLowerInvariant turns look-alikes such as the Kelvin sign into ASCII letters.
        if (!Text.IsPrintableAscii(value))
        {
            return $"{Text.Show(value)} has characters outside ASCII; write an internationalised domain in its xn-- (punycode) form.";
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return $"{Text.Show(value)} is not an e-mail address: expected one '@' between a name and a domain.";
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.Length > 64)
        {
            return "The part before '@' has more than 64 characters.";
        }

        if (local.Contains('%', StringComparison.Ordinal))
        {
            return $"{Text.Show(value)}: '%' is not allowed: in the instance's cron line it would end the command (cron reads '%' as a line break).";
        }

        if (local[0] == '-')
        {
            return $"{Text.Show(value)}: the address may not start with '-': a program given it would read it as an option.";
        }

        if (!local.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-')
            || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return $"{Text.Show(value)}: the part before '@' may contain letters, digits and . _ + - (no leading, trailing or double dot).";
        }

        var domainProblem = HostnameRule.Check(domain.ToLowerInvariant() == domain ? domain : domain.ToLowerInvariant());
        return domainProblem is null ? null : $"{Text.Show(value)}: the domain is not valid. {domainProblem}";
    }
}
