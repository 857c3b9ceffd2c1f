using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MimeKit;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// Parallel MailKit clients that send small messages with unique Message-IDs until stopped and record
/// an id only after the relay's <c>250</c> to the final dot: what the relay promised never to lose.
/// A client stops at the first failure (the relay was killed under it).
/// </summary>
public sealed class AcknowledgedLoad
{
    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly int _port;
    private readonly string _tag;

    /// <summary>Prepares a load against 127.0.0.1:<paramref name="port"/>; <paramref name="tag"/> goes into
    /// every Message-ID so one run's messages are told apart from another's.</summary>
    public AcknowledgedLoad(int port, string tag)
    {
        _port = port;
        _tag = tag;
    }

    /// <summary>Message-IDs that got <c>250</c> so far.</summary>
    public int Count => _acknowledged.Count;

    /// <summary>A snapshot of the acknowledged Message-IDs.</summary>
    public HashSet<string> Acknowledged => _acknowledged.ToHashSet(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="clients"/> senders until <paramref name="stop"/> is cancelled or each
    /// one's connection fails; completes when all have stopped.</summary>
    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => SendUntilStoppedAsync(i, stop)));

    /// <summary>Waits until at least <paramref name="count"/> messages are acknowledged in total, or the timeout.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private async Task SendUntilStoppedAsync(int worker, CancellationToken stop)
    {
        using var client = new SmtpClient { Timeout = 10_000 };
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync("127.0.0.1", _port, MailKit.Security.SecureSocketOptions.None, stop).ConfigureAwait(false);
                }

                var id = $"{_tag}-{worker}-{n++}-{Guid.NewGuid():N}@test";
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse("app@clinic.test"));
                message.To.Add(MailboxAddress.Parse("rcpt@dest.test"));
                message.Subject = "load";
                message.MessageId = id;
                message.Body = new TextPart("plain") { Text = new string('x', 2048) };
                await client.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
                _acknowledged.Add(id); // only after the 250 reply to the final dot
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The relay was killed mid-transaction: that message was never acknowledged.
                return;
            }
        }
    }
}
