namespace SecureRelay.Policy.Phi;

/// <summary>A street address together with a phone number: identifies a household, though a business
/// signature has both too, so it is weak WHO evidence.</summary>
internal sealed class AddressPhoneDetector(double weight) : PhiDetector("address_phone", EvidenceSide.Who, weight)
{
    public override int Find(string text)
    {
        var address = EvidencePatterns.StreetAddress().Match(text);
        return address.Success && EvidencePatterns.Phone().IsMatch(text) ? address.Index : -1;
    }
}
