using System.CommandLine.Parsing;
using System.Globalization;

namespace Encas.Cli.Commands;

/// <summary>Number parsers for <c>encas bench gomea</c> that report a bad value as a one-line user error.</summary>
internal static class BenchGomeaParsers
{
    public static long ParseLong(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (!long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            string option = (result.Parent as OptionResult)?.Option.Name ?? "option";
            throw new UserInputException($"{option} '{token}': expected an integer");
        }

        return value;
    }

    public static int ParseInt(ArgumentResult result)
    {
        long value = ParseLong(result);
        if (value is < int.MinValue or > int.MaxValue)
        {
            string option = (result.Parent as OptionResult)?.Option.Name ?? "option";
            throw new UserInputException($"{option} {value}: out of range");
        }

        return (int)value;
    }
}
