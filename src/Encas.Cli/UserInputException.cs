namespace Encas.Cli;

/// <summary>A command-line input the user has to correct; printed as a one-line error with exit code 2.</summary>
internal sealed class UserInputException(string message) : Exception(message);
