namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>Image formats whose header <see cref="ImageHeader"/> reads and Tesseract (Leptonica) decodes.</summary>
internal enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    Tiff,
    Bmp,
    WebP,
}
