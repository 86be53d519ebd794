package org.casetrail.query.chronology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts Casetrail's PDFs are set in: DejaVu Sans, shipped in the jar under its licence
 * ({@code fonts/DejaVu-LICENSE.txt}) and embedded (subset) in every PDF with Unicode encoding, so a name prints as
 * it was written in any script the font covers: Latin with every European diacritic and Vietnamese, Greek,
 * Cyrillic, Armenian, Georgian, Hebrew and Arabic letters (unshaped) among them. The PDF standard fonts it
 * replaces (Helvetica, WinAnsi) dropped every letter outside Western European Latin.
 */
final class PdfFonts {

    static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");
    static final BaseFont BOLD = load("fonts/DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    static Font regular(float size) {
        return new Font(REGULAR, size);
    }

    static Font bold(float size) {
        return new Font(BOLD, size);
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is not in the jar");
            }
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                                                in.readAllBytes(), null);
            // No CIDSet: optional from PDF/A-2 on, and one listing only the subset's glyphs fails PDF/A-2b
            // (6.2.11.4.2), since the embedded font program still numbers them all.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
