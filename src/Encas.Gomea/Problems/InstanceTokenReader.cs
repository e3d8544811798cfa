using System.Globalization;

namespace Encas.Gomea.Problems;

/// <summary>Reads whitespace-separated numbers from a text file and names the file and line of any bad token.</summary>
internal sealed class InstanceTokenReader
{
    private readonly string _path;
    private readonly string[] _lines;
    private int _line;
    private string[] _tokens = [];
    private int _token;

    public InstanceTokenReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        _path = path;
        _lines = File.ReadAllLines(path);
        _line = -1;
    }

    /// <summary>1-based number of the line the last token came from.</summary>
    public int LineNumber => _line + 1;

    public bool TryNextToken(out string token)
    {
        while (_token >= _tokens.Length)
        {
            _line++;
            if (_line >= _lines.Length)
            {
                token = string.Empty;
                return false;
            }

            _tokens = _lines[_line].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            _token = 0;
        }

        token = _tokens[_token++];
        return true;
    }

    public int NextInt(string what)
    {
        string token = Next(what);
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Error($"expected an integer {what}, found '{token}'");
        }

        return value;
    }

    public double NextDouble(string what)
    {
        string token = Next(what);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw Error($"expected a number {what}, found '{token}'");
        }

        return value;
    }

    public InvalidDataException Error(string message) => new($"{_path}:{Math.Max(1, LineNumber)}: {message}");

    private string Next(string what)
    {
        if (!TryNextToken(out string token))
        {
            throw new InvalidDataException($"{_path}:{_lines.Length}: file ends before {what}");
        }

        return token;
    }
}
