using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>PdfPig's filters, each wrapped in a <see cref="BoundedPdfFilter"/> charging one message's
/// <see cref="InflationBudget"/>. One per document.</summary>
internal sealed class BoundedPdfFilterProvider(InflationBudget inflation, ClassificationBudget budget) : IFilterProvider
{
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => new BoundedPdfFilter(f, inflation, budget))];
}
