package org.casetrail.query.chronology;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;

/**
 * What makes Casetrail's PDFs PDF/A-2b, the archival form courts and record offices keep for decades: XMP
 * metadata that repeats the document information and declares the conformance, and an sRGB output intent for its
 * colours. (Every font is embedded already: see {@link PdfFonts}.)
 */
final class Archival {

    private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

    private Archival() {
    }

    /** Call once the document is open (its information dictionary is then complete) and before it is closed. */
    static void make(PdfWriter writer) {
        try {
            writer.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1",
                                    SRGB);
            // OpenPDF writes the intent as PDF/X's (GTS_PDFX); PDF/A readers look for GTS_PDFA1.
            PdfArray intents = writer.getExtraCatalog().getAsArray(PdfName.OUTPUTINTENTS);
            intents.getAsDict(0).put(PdfName.S, new PdfName("GTS_PDFA1"));
            ByteArrayOutputStream xmp = new ByteArrayOutputStream();
            XmpWriter metadata = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE);
            metadata.addRdfDescription(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                    "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>");
            metadata.close();
            writer.setXmpMetadata(xmp.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
