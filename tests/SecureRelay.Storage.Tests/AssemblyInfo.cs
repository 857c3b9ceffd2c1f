// The relay runs on Linux; key-file and database permission checks use Unix modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
