using System.Collections.Concurrent;
using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>An acceptor that records everything it is asked and received, with switches to refuse or fail.</summary>
internal sealed class RecordingAcceptor : IMessageAcceptor
{
    private int _aborted;

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    public Func<SmtpTransaction, SmtpReply?>? OnMailFrom { get; set; }

    public Func<SmtpRecipient, SmtpReply?>? OnRecipient { get; set; }

    public bool FailWrites { get; set; }

    public bool FailBegin { get; set; }

    public SmtpReply CompleteReply { get; set; } = new(250, "2.0.0", "Ok: queued");

    /// <summary>How long CompleteAsync takes (a slow classification or spool commit).</summary>
    public TimeSpan CompleteDelay { get; set; }

    /// <summary>CompleteAsync completes from a thread of its own, resuming the session synchronously there
    /// (as the spool's completion thread does).</summary>
    public bool CompleteOnOwnThread { get; set; }

    /// <summary>For each MAIL command: whether the session handled it on a thread-pool thread.</summary>
    public ConcurrentQueue<bool> MailFromOnPoolThread { get; } = new();

    /// <summary>Sinks disposed without a successful CompleteAsync.</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    public ValueTask<SmtpReply?> CheckMailFromAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken)
    {
        Calls.Enqueue("MAIL " + transaction.ReversePath);
        MailFromOnPoolThread.Enqueue(Thread.CurrentThread.IsThreadPoolThread);
        return ValueTask.FromResult(OnMailFrom?.Invoke(transaction));
    }

    public ValueTask<SmtpReply?> CheckRecipientAsync(SmtpSessionInfo session, SmtpTransaction transaction, SmtpRecipient recipient, CancellationToken cancellationToken)
    {
        Calls.Enqueue("RCPT " + recipient.Address);
        return ValueTask.FromResult(OnRecipient?.Invoke(recipient));
    }

    public ValueTask<IMessageBodySink> BeginMessageAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken)
    {
        Calls.Enqueue("BEGIN");
        if (FailBegin)
        {
            throw new IOException("spool unavailable (test)");
        }

        return ValueTask.FromResult<IMessageBodySink>(new Sink(this, session, transaction));
    }

    public ReceivedMessage Single()
    {
        Assert.That(Messages, Has.Count.EqualTo(1), "messages received");
        return Messages.First();
    }

    private sealed class Sink(RecordingAcceptor owner, SmtpSessionInfo session, SmtpTransaction transaction) : IMessageBodySink
    {
        private readonly MemoryStream _content = new();
        private int _writes;
        private bool _completed;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            if (owner.FailWrites)
            {
                throw new IOException("disk full (test)");
            }

            _writes++;
            _content.Write(content.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask<SmtpReply> CompleteAsync(CancellationToken cancellationToken) =>
            owner.CompleteDelay > TimeSpan.Zero ? CompleteLaterAsync(cancellationToken) : CompleteNowAsync();

        private async ValueTask<SmtpReply> CompleteLaterAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(owner.CompleteDelay, cancellationToken);
            return await CompleteNowAsync();
        }

        private ValueTask<SmtpReply> CompleteNowAsync()
        {
            var reply = owner.CompleteReply;
            if (reply.IsPositive)
            {
                _completed = true;
                owner.Messages.Enqueue(new ReceivedMessage(session, transaction, _content.ToArray(), _writes));
            }

            if (!owner.CompleteOnOwnThread)
            {
                return ValueTask.FromResult(reply);
            }

            var done = new TaskCompletionSource<SmtpReply>(TaskCreationOptions.None);
            // Late enough that the session is already waiting: it resumes here, synchronously.
            var thread = new Thread(() =>
            {
                Thread.Sleep(200);
                done.SetResult(reply);
            })
            { IsBackground = true, Name = "test-completion" };
            thread.Start();
            return new ValueTask<SmtpReply>(done.Task);
        }

        public ValueTask DisposeAsync()
        {
            if (!_completed)
            {
                Interlocked.Increment(ref owner._aborted);
            }

            _content.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
