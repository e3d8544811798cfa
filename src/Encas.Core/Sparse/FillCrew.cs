using System.Diagnostics;

namespace Encas.Core.Sparse;

/// <summary>
/// Dedicated helper threads for table fills, which are many and short (tens of microseconds): the caller
/// publishes a job of numbered chunks and claims chunks itself at once, so it never waits for a helper that has
/// not started; helpers spin briefly between jobs (a fill follows a fill within microseconds during a search) and
/// then sleep on a semaphore. The caller waits only for chunks a helper has already claimed. Which thread runs a
/// chunk does not change any result.
/// </summary>
internal sealed class FillCrew : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 1000;
    private readonly Thread[] _helpers;
    private readonly SemaphoreSlim _wake = new(0);
    private Job? _job;
    private int _sleeping;
    private volatile bool _stopped;

    /// <summary>Starts <paramref name="helpers"/> background threads.</summary>
    public FillCrew(int helpers)
    {
        _helpers = new Thread[helpers];
        for (int h = 0; h < helpers; h++)
        {
            int worker = h + 1;
            _helpers[h] = new Thread(() => Serve(worker)) { IsBackground = true, Name = $"encas-fill-{worker}" };
            _helpers[h].Start();
        }
    }

    /// <summary>Workers including the caller: <see cref="Run"/> passes worker indices below this.</summary>
    public int Workers => _helpers.Length + 1;

    /// <summary>Runs <paramref name="body"/>(chunk, worker) for every chunk in [0, chunks) and returns when all
    /// have run; the caller is worker 0.</summary>
    public void Run(int chunks, Action<int, int> body)
    {
        var job = new Job(chunks, body);
        Volatile.Write(ref _job, job);
        if (Volatile.Read(ref _sleeping) > 0)
        {
            _wake.Release(_helpers.Length);
        }

        job.Work(0);
        var spin = new SpinWait();
        while (Volatile.Read(ref job.Done) < chunks)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopped = true;
        _wake.Release(_helpers.Length);
        foreach (var helper in _helpers)
        {
            helper.Join();
        }

        _wake.Dispose();
    }

    private void Serve(int worker)
    {
        Job? seen = null;
        while (!_stopped)
        {
            long since = Stopwatch.GetTimestamp();
            Job? job;
            while ((job = Volatile.Read(ref _job)) == seen && !_stopped)
            {
                if (Stopwatch.GetTimestamp() - since < SpinTicks)
                {
                    Thread.SpinWait(30);
                    continue;
                }

                // Announce the sleep, then look once more: a job published in between is either seen here or
                // its publisher sees the announcement and wakes this thread.
                Interlocked.Increment(ref _sleeping);
                if (Volatile.Read(ref _job) == seen && !_stopped)
                {
                    _wake.Wait();
                }

                Interlocked.Decrement(ref _sleeping);
                since = Stopwatch.GetTimestamp();
            }

            if (job is null || job == seen)
            {
                continue;
            }

            seen = job;
            job.Work(worker);
        }
    }

    private sealed class Job(int chunks, Action<int, int> body)
    {
        public int Done;
        private int _next;

        public void Work(int worker)
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _next) - 1) < chunks)
            {
                body(chunk, worker);
                Interlocked.Increment(ref Done);
            }
        }
    }
}
