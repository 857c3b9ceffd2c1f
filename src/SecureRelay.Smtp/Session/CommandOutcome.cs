namespace SecureRelay.Smtp.Session;

/// <summary>What a command handler tells the session loop.</summary>
internal enum CommandOutcome
{
    /// <summary>Apply the state table's transition.</summary>
    Success,
    /// <summary>Stay in the current state (the reply was a refusal).</summary>
    Failure,
    /// <summary>The mail transaction is over (message accepted or refused after its content): back to Ready.</summary>
    EndTransaction,
    /// <summary>Close the connection.</summary>
    Close,
}
