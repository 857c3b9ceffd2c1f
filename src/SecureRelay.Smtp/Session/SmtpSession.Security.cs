using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Session;

/// <summary>STARTTLS (RFC 3207), implicit TLS (RFC 8314) and AUTH PLAIN/LOGIN (RFC 4954, RFC 4616).</summary>
internal sealed partial class SmtpSession
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><c>starttls = "STARTTLS" CRLF</c>. Anything the client sent after the command line, before
    /// our 220, is plaintext that an attacker may have injected (CVE-2011-0411): it is thrown away.</summary>
    private async ValueTask<CommandOutcome> StartTlsAsync()
    {
        if (_ctx.Listener.Tls != SmtpTlsMode.StartTls)
        {
            return await RejectAsync(new SmtpReply(502, "5.5.1", "Error: command not implemented"));
        }

        if (Info.IsTls)
        {
            return await RejectAsync(new SmtpReply(503, "5.5.1", "Error: TLS already active"));
        }

        ReleaseLine();
        long discarded = 0;
        while (_input.TryRead(out var pending))
        {
            discarded += pending.Buffer.Length;
            _input.AdvanceTo(pending.Buffer.End);
            if (pending.Buffer.IsEmpty || pending.IsCompleted)
            {
                break;
            }
        }

        if (discarded > 0)
        {
            SmtpLog.StartTlsInjection(_ctx.Logger, Info.SessionId, discarded);
        }

        WriteReply(new SmtpReply(220, "2.0.0", "Ready to start TLS"));
        await FlushAsync();
        if (!await HandshakeAsync())
        {
            return CommandOutcome.Close;
        }

        // RFC 3207 §4.2: forget everything learnt before TLS; the client must EHLO again.
        await ClearTransactionAsync();
        Info.HeloName = null;
        Info.IsExtended = false;
        return CommandOutcome.Success;
    }

    /// <summary>Runs the server side of a TLS handshake over the transport (TLS 1.2 and 1.3 only) and
    /// switches the session's reader and writer to the encrypted stream.</summary>
    private async ValueTask<bool> HandshakeAsync()
    {
        ReleaseLine();
        var tls = new SslStream(new DuplexPipeStream(_transport.Input, _transport.Output), leaveInnerStreamOpen: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        timeout.CancelAfter(_ctx.Tracker.IsUnderStress(_limits) && _limits.StressCommandTimeout < _limits.TlsHandshakeTimeout ? _limits.StressCommandTimeout : _limits.TlsHandshakeTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = _ctx.Certificate,
                    // NIST SP 800-52r2: TLS 1.2 and newer only, AEAD suites only.
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CipherSuitesPolicy = TlsCipherSuites.Policy,
                    ClientCertificateRequired = false,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    AllowRenegotiation = false,
                },
                timeout.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException || (ex is OperationCanceledException && !_aborted.IsCancellationRequested))
        {
            SmtpLog.TlsFailed(_ctx.Logger, Info.SessionId, ex);
            _ctx.Events?.TlsFailed(Info);
            await tls.DisposeAsync();
            return false;
        }

        _tls = tls;
        _input = PipeReader.Create(tls, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _output = PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true));
        _needMoreInput = false;
        Info.TlsProtocol = tls.SslProtocol;
        Info.TlsCipherSuite = tls.NegotiatedCipherSuite.ToString();
        SmtpLog.TlsEstablished(_ctx.Logger, Info.SessionId, TlsProtocolName(), Info.TlsCipherSuite);
        _ctx.Events?.TlsEstablished(Info);
        return true;
    }

    private static readonly SmtpReply AuthLockedOut = new(454, "4.7.0", "Error: too many failed authentication attempts, try again later");

    /// <summary><c>auth-command = "AUTH" SP sasl-mech [SP initial-response] CRLF</c> (RFC 4954 §4).
    /// Offered only over TLS; failures per client address and per user name are counted and lead to a
    /// lock-out (the same 454 for both, so it does not tell which user names exist).</summary>
    private async ValueTask<CommandOutcome> AuthAsync(SmtpCommand command)
    {
        if (!AuthEnabled)
        {
            return await RejectAsync(new SmtpReply(503, "5.5.1", "Error: authentication not enabled"));
        }

        if (!Info.IsTls)
        {
            return await RejectAsync(new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first"));
        }

        if (Info.AuthenticatedUser is not null)
        {
            return await RejectAsync(new SmtpReply(503, "5.5.1", "Error: already authenticated"));
        }

        if (command.Mechanism is not ("PLAIN" or "LOGIN"))
        {
            return await RejectAsync(new SmtpReply(504, "5.5.4", "Unrecognized authentication type"));
        }

        // The slot is taken before the exchange: parallel attempts count while they run (a check now and a
        // count after the password would let every one of them through).
        var address = Info.RemoteEndPoint.Address;
        var window = _limits.AuthFailureWindow;
        if (!_ctx.Tracker.TryBeginAuthAttempt(address, _limits.AuthFailuresPerAddress, window))
        {
            SmtpLog.AuthLockedOut(_ctx.Logger, Info.SessionId, address.ToString());
            return await RejectAsync(AuthLockedOut);
        }

        var failed = false;
        try
        {
            var (status, user, password) = command.Mechanism == "PLAIN" ? await ReadPlainAsync(command.InitialResponse) : await ReadLoginAsync(command.InitialResponse);
            switch (status)
            {
                case SaslStatus.Aborted:
                    return await RejectAsync(new SmtpReply(501, "5.7.0", "Authentication aborted"));
                case SaslStatus.Malformed:
                    return await RejectAsync(new SmtpReply(501, "5.5.2", "Error: cannot decode response"));
            }

            // Guessing spread over many addresses is bounded per user name as well.
            var userSlot = user is { Length: > 0 } ? user : null;
            if (userSlot is not null && !_ctx.Tracker.TryBeginUserAuthAttempt(userSlot, _limits.AuthFailuresPerUser, window))
            {
                SmtpLog.AuthUserLockedOut(_ctx.Logger, Info.SessionId, address.ToString());
                return await RejectAsync(AuthLockedOut);
            }

            bool? valid = null;
            try
            {
                valid = userSlot is not null && password is not null && await _ctx.Authenticator!.ValidateAsync(userSlot, password, _aborted);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && _aborted.IsCancellationRequested))
            {
                SmtpLog.AcceptorFailed(_ctx.Logger, Info.SessionId, "authenticate", ex);
            }
            finally
            {
                if (userSlot is not null)
                {
                    // Only a completed check that said no counts; an outage or abort is no attempt.
                    _ctx.Tracker.EndUserAuthAttempt(userSlot, failed: valid == false, window);
                }
            }

            if (valid is null)
            {
                return await RejectAsync(new SmtpReply(454, "4.7.0", "Temporary authentication failure"));
            }

            if (valid == false)
            {
                failed = true;
                SmtpLog.AuthFailed(_ctx.Logger, Info.SessionId, command.Mechanism, address.ToString());
                _ctx.Events?.AuthFailed(Info, command.Mechanism);
                return await RejectAsync(new SmtpReply(535, "5.7.8", "Error: authentication failed"));
            }

            Info.AuthenticatedUser = userSlot;
            SmtpLog.AuthSucceeded(_ctx.Logger, Info.SessionId, userSlot!, command.Mechanism);
            _ctx.Events?.AuthSucceeded(Info, command.Mechanism);
            WriteReply(new SmtpReply(235, "2.7.0", "Authentication successful"));
            return CommandOutcome.Success;
        }
        finally
        {
            // Success, an abort, a malformed response or a lost connection give the slot back.
            _ctx.Tracker.EndAuthAttempt(address, failed, window);
        }
    }

    /// <summary>RFC 4616: <c>message = [authzid] UTF8NUL authcid UTF8NUL passwd</c>. An authzid other than
    /// the authcid (acting for someone else) is refused as a failed login.</summary>
    private async ValueTask<(SaslStatus, string?, string?)> ReadPlainAsync(string? initialResponse)
    {
        var (status, bytes) = initialResponse is null ? await ChallengeAsync(string.Empty) : Decode(initialResponse);
        if (status != SaslStatus.Ok)
        {
            return (status, null, null);
        }

        try
        {
            var first = Array.IndexOf(bytes!, (byte)0);
            var second = first < 0 ? -1 : Array.IndexOf(bytes!, (byte)0, first + 1);
            if (second < 0 || Array.IndexOf(bytes!, (byte)0, second + 1) >= 0)
            {
                return (SaslStatus.Malformed, null, null);
            }

            var authzid = StrictUtf8.GetString(bytes!, 0, first);
            var authcid = StrictUtf8.GetString(bytes!, first + 1, second - first - 1);
            var password = StrictUtf8.GetString(bytes!, second + 1, bytes!.Length - second - 1);
            return authzid.Length > 0 && authzid != authcid ? (SaslStatus.Ok, null, null) : (SaslStatus.Ok, authcid, password);
        }
        catch (DecoderFallbackException)
        {
            return (SaslStatus.Malformed, null, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The LOGIN mechanism (draft-murchison-sasl-login): "Username:" and "Password:" challenges.</summary>
    private async ValueTask<(SaslStatus, string?, string?)> ReadLoginAsync(string? initialResponse)
    {
        var (status, userBytes) = initialResponse is null ? await ChallengeAsync("VXNlcm5hbWU6") : Decode(initialResponse);
        if (status != SaslStatus.Ok)
        {
            return (status, null, null);
        }

        var (passwordStatus, passwordBytes) = await ChallengeAsync("UGFzc3dvcmQ6");
        if (passwordStatus != SaslStatus.Ok)
        {
            return (passwordStatus, null, null);
        }

        try
        {
            return (SaslStatus.Ok, StrictUtf8.GetString(userBytes!), StrictUtf8.GetString(passwordBytes!));
        }
        catch (DecoderFallbackException)
        {
            return (SaslStatus.Malformed, null, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>Sends <c>334 challenge</c> and reads the client's base64 line (bounded like a command line).</summary>
    private async ValueTask<(SaslStatus, byte[]?)> ChallengeAsync(string challenge)
    {
        WriteRaw("334 " + challenge + "\r\n");
        var line = await ReadLineAsync(_limits.CommandLineLength);
        switch (line.Status)
        {
            case LineStatus.EndOfInput:
                throw new IOException("The client closed the connection during AUTH.");
            case LineStatus.TooLong:
                return (SaslStatus.Malformed, null);
        }

        var text = Encoding.ASCII.GetString(line.Line);
        return text == "*" ? (SaslStatus.Aborted, null) : Decode(text);
    }

    private static (SaslStatus, byte[]?) Decode(string base64)
    {
        if (base64 == "=")
        {
            return (SaslStatus.Ok, []); // RFC 4954 §4: "=" is an empty initial response
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return (SaslStatus.Malformed, null);
        }

        var result = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return (SaslStatus.Ok, result);
    }

    private enum SaslStatus
    {
        Ok,
        Aborted,
        Malformed,
    }
}
