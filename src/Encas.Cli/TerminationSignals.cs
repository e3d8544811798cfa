using System.Runtime.InteropServices;

namespace Encas.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation, so a command can stop its work, cancel what it
/// submitted and remove what it left half-made; a second signal ends the process at once, as without a handler.
/// </summary>
/// <remarks>A process started with SIGINT ignored (a background job of a non-interactive shell) never sees one;
/// that is the shell's choice, not something a handler can undo.</remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code for the signal received: 130 for SIGINT, 143 for SIGTERM (128 + its number).
    /// </summary>
    public int ExitCode => _received == (int)PosixSignal.SIGTERM ? 143 : CliRunner.Interrupted;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0)
        {
            return; // the second one: the default action, termination
        }

        context.Cancel = true;
        _cancel.Cancel();
    }
}
