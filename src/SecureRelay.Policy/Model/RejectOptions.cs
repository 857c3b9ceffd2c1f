namespace SecureRelay.Policy.Model;

/// <summary>The SMTP reply of a rejecting rule.</summary>
public sealed class RejectOptions
{
    /// <summary>Basic reply code, 4xx or 5xx (default 550).</summary>
    public int Code { get; set; } = 550;

    /// <summary>Enhanced status code (RFC 3463), class matching <see cref="Code"/> (default 5.7.1).</summary>
    public string? Enhanced { get; set; }

    /// <summary>Reply text (ASCII, no PHI).</summary>
    public string? Text { get; set; }
}
