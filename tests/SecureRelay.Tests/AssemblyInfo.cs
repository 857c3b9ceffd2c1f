// The integration tests drive Linux peers (Postfix's smtp-sink, swaks) and Unix signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
