package org.casetrail.query.chronology;

import java.awt.Color;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.casetrail.audit.Checkpoints.CheckpointView;
import org.casetrail.audit.Checkpoints;
import org.casetrail.platform.time.Times;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.EntryView;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.contact.ContactState;
import org.casetrail.query.contact.ContactsAsOf;
import org.casetrail.query.projection.Json;
import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The printed forms: a chronology as a paginated PDF, and a court bundle (the chronology and every contact in full
 * as it stood). Both carry a case header, numbered entries, "page x of y", when they were produced, the
 * chronology's digest and the latest audit checkpoint in every footer. The bundle writes one contact at a time
 * straight to the response, so hundreds of contacts never sit in memory together.
 */
@Component
public class CasePdfs {

    private static final Font TITLE = PdfFonts.bold(14);
    private static final Font HEADING = PdfFonts.bold(10);
    private static final Font BODY = PdfFonts.regular(8.5f);
    private static final Font SMALL = PdfFonts.regular(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm xxx", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final CaseQueries cases;
    private final CaseContacts caseContacts;
    private final Json json;
    private final Checkpoints checkpoints;
    private final ContactsAsOf contacts;

    CasePdfs(CaseQueries cases, CaseContacts caseContacts, Json json, Checkpoints checkpoints, ContactsAsOf contacts) {
        this.cases = cases;
        this.caseContacts = caseContacts;
        this.json = json;
        this.checkpoints = checkpoints;
        this.contacts = contacts;
    }

    public void chronology(ChronologyView view, Instant producedAt, String producedBy, ZoneId zone, OutputStream out) {
        Document document = open(out, view, producedAt, producedBy, zone);
        try {
            title(document, "Chronology", header(view.caseId()), view.asOf(), producedAt, producedBy, zone);
            document.add(chronologyTable(view, zone));
        } finally {
            document.close();
        }
    }

    public void bundle(ChronologyView view, Instant producedAt, String producedBy, ZoneId zone, OutputStream out) {
        Document document = open(out, view, producedAt, producedBy, zone);
        try {
            title(document, "Court bundle", header(view.caseId()), view.asOf(), producedAt, producedBy, zone);
            List<String> contactIds = caseContacts.ids(view.caseId(), view.asOf());
            document.add(new Paragraph("Index", HEADING));
            document.add(new Paragraph("Part 1: chronology (" + view.entries().size() + " entries). Part 2: "
                    + contactIds.size() + " contacts, in the order they took place, each as it stood"
                    + (view.asOf() == null ? "." : " at " + WHEN.format(Times.at(view.asOf(), zone)) + "."), BODY));
            int n = 0;
            for (String contactId : contactIds) {
                n++;
                document.add(new Paragraph("C" + n + "  contact " + contactId, SMALL));
            }
            document.newPage();
            document.add(new Paragraph("Part 1: chronology", TITLE));
            document.add(chronologyTable(view, zone));
            n = 0;
            for (String contactId : contactIds) {
                n++;
                Optional<ContactState> state = contact(contactId, view.asOf());
                if (state.isPresent()) {
                    document.newPage();
                    writeContact(document, "C" + n, state.get(), links(contactId, view.asOf(), zone), zone);
                }
            }
        } finally {
            document.close();
        }
    }

    private Document open(OutputStream out, ChronologyView view, Instant producedAt, String producedBy, ZoneId zone) {
        Document document = new Document(PageSize.A4.rotate(), 30, 30, 30, 62);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(view.digest(), checkpoints.latest().orElse(null), producedAt, zone));
        document.addTitle("Casetrail case " + view.caseId());
        document.addCreator("Casetrail");
        document.addAuthor(producedBy);
        document.open();
        return document;
    }

    private void title(Document document, String what, CaseHeader header, Instant asOf, Instant producedAt,
                       String producedBy, ZoneId zone) {
        document.add(new Paragraph(what + ": " + header.serviceUserName(), TITLE));
        String born = header.dateOfBirth() == null ? "date of birth not recorded" : "born " + DAY.format(header.dateOfBirth());
        document.add(new Paragraph(born + (header.reference() == null ? "" : ", reference " + header.reference())
                + ". Case " + header.caseId() + ", " + words(header.planType().name()) + ", allocated to " + header.allocatedWorker()
                + ", " + header.status().toLowerCase(Locale.ROOT) + ".", BODY));
        document.add(new Paragraph((asOf == null ? "As recorded when produced" : "As recorded at "
                + WHEN.format(Times.at(asOf, zone))) + ". Produced " + WHEN.format(Times.at(producedAt, zone)) + " by "
                + producedBy + ".", BODY));
        document.add(Chunk.NEWLINE);
    }

    private PdfPTable chronologyTable(ChronologyView view, ZoneId zone) {
        PdfPTable table = new PdfPTable(new float[] {4, 11, 3, 7, 38, 12, 14, 11});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : List.of("No.", "When", "Age", "Category", "Event", "Source", "Outcome",
                                      "Recorded")) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, HEADING));
            cell.setBackgroundColor(new Color(225, 230, 240));
            table.addCell(cell);
        }
        for (EntryView e : view.entries()) {
            table.addCell(new Phrase(String.valueOf(e.seq()), BODY));
            table.addCell(new Phrase(when(e.occurredAt(), e.occurredUntil(), zone), BODY));
            table.addCell(new Phrase(e.age() == null ? "" : String.valueOf(e.age()), BODY));
            table.addCell(new Phrase(e.category(), BODY));
            table.addCell(new Phrase(e.summary(), BODY));
            table.addCell(new Phrase(e.source().type().toLowerCase(Locale.ROOT) + " "
                    + e.source().id().substring(0, 8) + " v" + e.source().version(), SMALL));
            table.addCell(new Phrase(e.outcome() == null ? "" : e.outcome(), BODY));
            String flags = (e.lateEntry() ? " LATE ENTRY" : "") + (e.amended() ? " AMENDED" : "")
                    + (e.addedAfterSigning() ? " ADDED AFTER SIGNING" + (e.reasonAfterSigning() == null ? ""
                    : ": " + e.reasonAfterSigning()) : "");
            table.addCell(new Phrase(e.recordedBy() + ", " + WHEN.format(Times.at(e.recordedAt(), zone)) + flags, SMALL));
        }
        return table;
    }

    /** A whole day (a dated plan) shows as its date; a span as from and to; a moment as itself. */
    private static String when(Instant from, Instant until, ZoneId zone) {
        var start = Times.at(from, zone);
        if (until != null && start.toLocalTime().equals(LocalTime.MIDNIGHT)
                && Times.at(until, zone).equals(start.plusDays(1))) {
            return DAY.format(start) + " (date only)";
        }
        return WHEN.format(start) + (until == null ? "" : " to " + WHEN.format(Times.at(until, zone)));
    }

    private void writeContact(Document document, String number, ContactState c, List<String> links, ZoneId zone) {
        document.add(new Paragraph(number + ". " + ChronologyProjection.capitalised(words(c.setting().type().name()))
                + " contact, "
                + WHEN.format(Times.at(c.startedAt(), zone)) + " (" + c.status().toLowerCase(Locale.ROOT)
                + (c.lateEntry() ? ", late entry" : "") + (c.amended() ? ", amended" : "") + ")", TITLE));
        document.add(new Paragraph("Contact " + c.contactId() + ", version " + c.version() + ". Recorded by " + c.author()
                + " at " + WHEN.format(Times.at(c.recordedAt(), zone))
                + (c.finalisedAt() == null ? "; not signed." : "; signed by " + c.finalisedBy() + " at "
                + WHEN.format(Times.at(c.finalisedAt(), zone)) + "."), SMALL));
        section(document, "1. Attendees", c.attendees().isEmpty() ? "None recorded." : c.attendees().stream()
                .map(a -> a.name() + " (" + words(a.role().name()) + (a.organisation() == null ? "" : ", "
                        + a.organisation()) + ")").collect(Collectors.joining("; ")));
        section(document, "2. Where and when", words(c.setting().type().name())
                + (c.setting().location() == null ? "" : ", " + c.setting().location()) + "; "
                + WHEN.format(Times.at(c.startedAt(), zone))
                + (c.endedAt() == null ? "" : " to " + WHEN.format(Times.at(c.endedAt(), zone))));
        section(document, "3. Purpose", c.purpose() == null ? "Not recorded." : nonNull(c.purpose().text())
                + (c.purpose().intervention() == null ? "" : " Intervention: " + c.purpose().intervention() + ".")
                + (c.purpose().theory() == null ? "" : " Theory: " + c.purpose().theory() + ".")
                + (c.purpose().linkedPlanIds().isEmpty() ? "" : " Plans: " + String.join(", ", c.purpose().linkedPlanIds())));
        section(document, "4. What took place", c.description() == null ? "Not recorded." : c.description());
        section(document, "5-7. Risks, actions, guidance and sessions", links.isEmpty() ? "None recorded."
                : String.join("\n", links));
        if (!c.addenda().isEmpty()) {
            section(document, "Addenda", c.addenda().stream().map(a -> WHEN.format(Times.at(a.addedAt(), zone)) + ", "
                    + a.addedBy() + " (" + a.reason() + "): " + a.text()).collect(Collectors.joining("\n")));
        }
        if (!c.corrections().isEmpty()) {
            section(document, "Corrections", c.corrections().stream().map(k -> WHEN.format(Times.at(k.correctedAt(), zone))
                    + ", " + k.correctedBy() + ", " + words(k.section().name()) + " (" + k.reason() + "): was "
                    + json.write(k.original()) + ", now " + json.write(k.corrected())).collect(Collectors.joining("\n")));
        }
    }

    private static void section(Document document, String heading, String text) {
        document.add(new Paragraph(heading, HEADING));
        document.add(new Paragraph(text, BODY));
    }

    private CaseHeader header(String caseId) {
        return cases.header(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }

    /** The contact as it stood at {@code asOf}, unless it was a discarded draft by then. */
    private Optional<ContactState> contact(String contactId, Instant asOf) {
        return contacts.state(contactId, asOf).filter(state -> !"DISCARDED".equals(state.status()));
    }

    private List<String> links(String contactId, Instant asOf, ZoneId zone) {
        Instant signedAt = contact(contactId, asOf).map(ContactState::finalisedAt).orElse(null);
        return contacts.links(contactId, asOf, signedAt).stream()
                       .map(link -> words(link.type()) + " " + words(link.relation()) + ": " + link.summary()
                               + (link.addedAfterSigning() ? " [added after signing, on "
                               + WHEN.format(Times.at(link.recordedAt(), zone)) + " by " + link.recordedBy()
                               + (link.reasonAfterSigning() == null ? "" : ": " + link.reasonAfterSigning()) + "]" : ""))
                       .toList();
    }

    private static String words(String constant) {
        return ChronologyProjection.words(constant);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** "Page x of y", the production time, the digest and the latest audit checkpoint, on every page. */
    private static final class Footer extends PdfPageEventHelper {

        private final String digest;
        private final CheckpointView checkpoint;
        private final Instant producedAt;
        private final ZoneId zone;
        private PdfTemplate total;
        private BaseFont font;

        Footer(String digest, CheckpointView checkpoint, Instant producedAt, ZoneId zone) {
            this.digest = digest;
            this.checkpoint = checkpoint;
            this.producedAt = producedAt;
            this.zone = zone;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
            font = PdfFonts.REGULAR;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float left = document.left();
            String pageText = "Page " + writer.getPageNumber() + " of ";
            canvas.beginText();
            canvas.setFontAndSize(font, 7);
            canvas.setTextMatrix(left, 44);
            canvas.showText(pageText);
            canvas.endText();
            canvas.addTemplate(total, left + font.getWidthPoint(pageText, 7), 44);
            line(canvas, "Produced " + WHEN.format(Times.at(producedAt, zone)) + ". Chronology digest (SHA-256): "
                         + digest, left, 35);
            if (checkpoint == null) {
                line(canvas, "Audit checkpoint: none signed yet.", left, 26);
            } else {
                line(canvas, "Audit checkpoint: position " + checkpoint.position() + ", head hash "
                             + checkpoint.headHash() + ", signed at " + checkpoint.at(), left, 26);
                line(canvas, "Ed25519 signature: " + checkpoint.signature(), left, 17);
            }
        }

        private static void line(PdfContentByte canvas, String text, float x, float y) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(text, SMALL), x, y, 0);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 7);
            total.setTextMatrix(0, 0);
            // Closing has already moved the writer past the last page.
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
