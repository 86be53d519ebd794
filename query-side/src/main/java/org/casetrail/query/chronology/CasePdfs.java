package org.casetrail.query.chronology;

import java.awt.Color;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.casetrail.audit.Checkpoints.CheckpointView;
import org.casetrail.audit.Checkpoints;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.platform.time.Times;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.EntryView;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.contact.ContactState;
import org.casetrail.query.contact.ContactState.Correction;
import org.casetrail.query.contact.ContactState.SectionValue;
import org.casetrail.query.contact.ContactsAsOf;
import org.casetrail.query.contact.SectionText;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The printed forms: a chronology as a paginated PDF, and a court bundle: a cover (the case, the moment it shows,
 * the chronology's digest and the audit checkpoint to check it against), an index of every contact with its date,
 * setting, author and page, the chronology, then every contact in full as it stood, its corrections written out as
 * before and after. Every page carries "page x of y", when it was produced, the digest and the checkpoint; the
 * chronology and each contact are bookmarks. Both are PDF/A-2b (embedded fonts, XMP metadata, an sRGB output
 * intent), for keeping. The bundle writes one contact at a time straight to the response, so hundreds of contacts
 * never sit in memory together; the index's page numbers are filled in as the contacts are written.
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
    private final Checkpoints checkpoints;
    private final ContactsAsOf contacts;

    CasePdfs(CaseQueries cases, CaseContacts caseContacts, Checkpoints checkpoints, ContactsAsOf contacts) {
        this.cases = cases;
        this.caseContacts = caseContacts;
        this.checkpoints = checkpoints;
        this.contacts = contacts;
    }

    public void chronology(ChronologyView view, Instant producedAt, String producedBy, ZoneId zone, OutputStream out) {
        CaseHeader header = header(view.caseId());
        Printed printed = open(out, "Chronology: " + header.serviceUserName(), view, producedAt, producedBy, zone);
        try {
            title(printed.document(), "Chronology", header, view.asOf(), producedAt, producedBy, zone);
            PdfPTable table = chronologyTable(view, zone);
            table.setSpacingBefore(4);
            printed.document().add(table);
        } finally {
            printed.document().close();
        }
    }

    public void bundle(ChronologyView view, Instant producedAt, String producedBy, ZoneId zone, OutputStream out) {
        CaseHeader header = header(view.caseId());
        Map<String, PlanView> plans = plans(view.caseId());
        CheckpointView checkpoint = checkpoints.latest().orElse(null);
        Printed printed = open(out, "Court bundle: " + header.serviceUserName(), view, producedAt, producedBy, zone);
        Document document = printed.document();
        PdfWriter writer = printed.writer();
        try {
            title(document, "Court bundle", header, view.asOf(), producedAt, producedBy, zone);
            cover(document, view, checkpoint, zone);
            List<String> contactIds = caseContacts.ids(view.caseId(), view.asOf());
            PdfPTable index = new PdfPTable(new float[] {5, 16, 16, 12, 22, 5});
            index.setWidthPercentage(100);
            index.setHeaderRows(1);
            for (String heading : List.of("Part", "When", "Setting", "Author", "Status", "Page")) {
                index.addCell(headerCell(heading));
            }
            PdfTemplate chronologyPage = pageNumber(writer);
            indexRow(index, "1", "Chronology (" + view.entries().size() + " entries)", "", "", "", chronologyPage);
            Map<String, PdfTemplate> contactPages = new LinkedHashMap<>();
            int n = 0;
            for (String contactId : contactIds) {
                Optional<ContactState> state = contact(contactId, view.asOf());
                if (state.isPresent()) {
                    n++;
                    ContactState c = state.get();
                    PdfTemplate page = pageNumber(writer);
                    contactPages.put(contactId, page);
                    indexRow(index, "C" + n, WHEN.format(Times.at(c.startedAt(), zone)), setting(c), c.author(),
                             status(c), page);
                }
            }
            document.add(new Paragraph("Index", HEADING));
            document.add(new Paragraph("Part 1 is the chronology (" + view.entries().size() + " entries); then "
                    + n + " contacts, C1 to C" + n + ", in the order they took place, each in full as it stood.",
                    BODY));
            index.setSpacingBefore(6);
            document.add(index);

            document.newPage();
            document.add(new Paragraph("Part 1: chronology", TITLE));
            mark(writer, chronologyPage, "Part 1: chronology");
            PdfPTable chronology = chronologyTable(view, zone);
            chronology.setSpacingBefore(8);
            document.add(chronology);
            n = 0;
            for (Map.Entry<String, PdfTemplate> entry : contactPages.entrySet()) {
                Optional<ContactState> state = contact(entry.getKey(), view.asOf());
                if (state.isEmpty()) {
                    continue;
                }
                n++;
                ContactState c = state.get();
                document.newPage();
                String number = "C" + n;
                document.add(new Paragraph(number + ". " + capitalised(setting(c)) + " contact, "
                        + WHEN.format(Times.at(c.startedAt(), zone)) + " (" + status(c) + ")", TITLE));
                mark(writer, entry.getValue(), number + ". " + capitalised(setting(c)) + ", "
                        + DAY.format(Times.at(c.startedAt(), zone)));
                writeContact(document, c, links(c, view.asOf(), zone), plans, zone);
            }
        } finally {
            document.close();
        }
    }

    /** An open A4 landscape PDF/A-2b document with the footer on every page. */
    private Printed open(OutputStream out, String title, ChronologyView view, Instant producedAt, String producedBy,
                         ZoneId zone) {
        Document document = new Document(PageSize.A4.rotate(), 30, 30, 30, 62);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setPageEvent(new Footer(view.digest(), checkpoints.latest().orElse(null), producedAt, zone));
        document.addTitle(title);
        document.addSubject("Casetrail case " + view.caseId());
        document.addCreator("Casetrail");
        document.addAuthor(producedBy);
        document.open();
        Archival.make(writer);
        return new Printed(document, writer);
    }

    private record Printed(Document document, PdfWriter writer) {
    }

    private void title(Document document, String what, CaseHeader header, Instant asOf, Instant producedAt,
                       String producedBy, ZoneId zone) {
        document.add(new Paragraph(what + ": " + header.serviceUserName(), TITLE));
        String born = header.dateOfBirth() == null ? "date of birth not recorded" : "born " + DAY.format(header.dateOfBirth());
        document.add(new Paragraph(born + (header.reference() == null ? "" : ", reference " + header.reference())
                + ". Case " + header.caseId() + ", " + words(header.planType().name()) + ", allocated to "
                + header.allocatedWorker() + ", " + header.status().toLowerCase(Locale.ROOT)
                + (header.openedOn() == null ? "" : ", referred or opened on " + DAY.format(header.openedOn()))
                + ".", BODY));
        document.add(new Paragraph((asOf == null ? "As recorded when produced" : "As recorded at "
                + WHEN.format(Times.at(asOf, zone))) + ". Produced " + WHEN.format(Times.at(producedAt, zone)) + " by "
                + producedBy + ".", BODY));
        document.add(new Paragraph(" ", BODY));
    }

    /** What a reader needs to check the bundle: the moment it shows, its digest, the audit checkpoint. */
    private static void cover(Document document, ChronologyView view, CheckpointView checkpoint, ZoneId zone) {
        section(document, "This bundle shows the record", view.asOf() == null
                ? "as it stood when the bundle was produced (above): every contact and chronology entry recorded by then."
                : "exactly as it stood at " + WHEN.format(Times.at(view.asOf(), zone)) + ": what was recorded later,"
                  + " corrections included, is not in it.");
        section(document, "Chronology digest (SHA-256)", view.digest() + ". Recompute it from the chronology (JSON "
                + "or CSV, as of the same moment) to check this copy.");
        section(document, "Audit checkpoint", checkpoint == null ? "None signed yet."
                : "Position " + checkpoint.position() + ", head hash " + checkpoint.headHash() + ", signed at "
                  + WHEN.format(Times.at(checkpoint.at(), zone)) + ". Ed25519 signature " + checkpoint.signature()
                  + ". The audit trail verifies every recorded event up to this position against it.");
        document.add(new Paragraph(" ", BODY));
    }

    private static PdfPCell headerCell(String heading) {
        PdfPCell cell = new PdfPCell(new Phrase(heading, HEADING));
        cell.setBackgroundColor(new Color(225, 230, 240));
        return cell;
    }

    private static void indexRow(PdfPTable index, String part, String when, String setting, String author,
                                 String status, PdfTemplate page) {
        for (String text : List.of(part, when, setting, author, status)) {
            index.addCell(new Phrase(text, BODY));
        }
        index.addCell(new PdfPCell(Image.getInstance(page)));
    }

    /** A blank the size of a page number, filled in when the part it points to is written. */
    private static PdfTemplate pageNumber(PdfWriter writer) {
        return writer.getDirectContent().createTemplate(30, 11);
    }

    /** Fills the index's page number for the part starting on this page, and bookmarks it. */
    private static void mark(PdfWriter writer, PdfTemplate page, String bookmark) {
        int number = writer.getPageNumber();
        page.beginText();
        page.setFontAndSize(PdfFonts.REGULAR, 8.5f);
        page.setTextMatrix(0, 2);
        page.showText(String.valueOf(number));
        page.endText();
        new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(number,
                new PdfDestination(PdfDestination.FIT), writer), bookmark);
    }

    private PdfPTable chronologyTable(ChronologyView view, ZoneId zone) {
        PdfPTable table = new PdfPTable(new float[] {4, 10, 4, 8, 28, 9, 14, 11, 12});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : List.of("No.", "When", "Age", "Category", "Event", "Source",
                                      "Significance (impact on the child)", "Outcome", "Recorded")) {
            table.addCell(headerCell(heading));
        }
        for (EntryView e : view.entries()) {
            table.addCell(new Phrase(String.valueOf(e.seq()), BODY));
            table.addCell(new Phrase(when(e.occurredAt(), e.occurredUntil(), zone), BODY));
            table.addCell(new Phrase(e.age() == null ? "" : String.valueOf(e.age()), BODY));
            table.addCell(new Phrase(e.category(), BODY));
            table.addCell(new Phrase(e.summary(), BODY));
            table.addCell(new Phrase(e.source().type().toLowerCase(Locale.ROOT) + " "
                    + e.source().id().substring(0, 8) + " v" + e.source().version(), SMALL));
            table.addCell(new Phrase(significance(e, zone), BODY));
            table.addCell(new Phrase(e.outcome() == null ? "" : e.outcome(), BODY));
            String flags = (e.lateEntry() ? " LATE ENTRY" : "") + (e.amended() ? " AMENDED" : "")
                    + (e.addedAfterSigning() ? " ADDED AFTER SIGNING" + (e.reasonAfterSigning() == null ? ""
                    : ": " + e.reasonAfterSigning()) : "");
            table.addCell(new Phrase(e.recordedBy() + ", " + WHEN.format(Times.at(e.recordedAt(), zone)) + flags, SMALL));
        }
        return table;
    }

    /** "Significant: <impact> (marked by ..., ...)", or empty when the entry is not marked significant. */
    private static String significance(EntryView e, ZoneId zone) {
        if (e.significance() == null || !e.significance().significant()) {
            return "";
        }
        return "SIGNIFICANT: " + nonNull(e.impact()) + " (marked by " + e.significance().markedBy() + ", "
               + WHEN.format(Times.at(e.significance().markedAt(), zone)) + ")";
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

    private void writeContact(Document document, ContactState c, List<String> links, Map<String, PlanView> plans,
                              ZoneId zone) {
        document.add(new Paragraph("Contact " + c.contactId() + ", version " + c.version() + ". Recorded by " + c.author()
                + " at " + WHEN.format(Times.at(c.recordedAt(), zone))
                + (c.finalisedAt() == null ? "; not signed." : "; signed by " + c.finalisedBy() + " at "
                + WHEN.format(Times.at(c.finalisedAt(), zone)) + "."), SMALL));
        ContactStatements stated = c.statements() == null ? ContactStatements.none() : c.statements();
        section(document, "1. Attendees", attendees(c.attendees())
                + (stated.serviceUserNotSeenReason() == null ? ""
                   : "\n" + SectionText.NOT_SEEN + stated.serviceUserNotSeenReason()));
        section(document, "2. Where and when", setting(c.setting()) + "; " + times(c.startedAt(), c.endedAt(), zone));
        section(document, "3. Purpose", purpose(c.purpose(), plans));
        section(document, "4. What took place", (c.description() == null ? "Not recorded." : c.description())
                + (stated.presentation() == null ? "" : "\n" + SectionText.PRESENTED + stated.presentation())
                + (c.childVisit() == null ? "" : "\n" + SectionText.childVisitInFull(c.childVisit())));
        List<String> closing = new java.util.ArrayList<>(links);
        SectionText.closingStatements(stated).forEach(said -> closing.add(said + "."));
        section(document, "5-7. Risks, actions, guidance and sessions", closing.isEmpty() ? "None recorded."
                : String.join("\n", closing));
        if (c.shortfallReason() != null) {
            section(document, "Signed short of the recording standard", c.shortfallReason());
        }
        if (!c.addenda().isEmpty()) {
            section(document, "Addenda", c.addenda().stream().map(a -> WHEN.format(Times.at(a.addedAt(), zone)) + ", "
                    + a.addedBy() + " (reason: " + a.reason() + "): " + a.text()).collect(Collectors.joining("\n")));
        }
        if (!c.corrections().isEmpty()) {
            document.add(new Paragraph("Corrections", HEADING));
            int n = 0;
            for (Correction k : c.corrections()) {
                n++;
                document.add(new Paragraph("Correction " + n + ": " + SECTIONS.get(k.section()) + ", corrected "
                        + WHEN.format(Times.at(k.correctedAt(), zone)) + " by " + k.correctedBy() + ". Reason: "
                        + k.reason(), BODY));
                PdfPTable table = new PdfPTable(2);
                table.setWidthPercentage(100);
                table.addCell(headerCell("Before"));
                table.addCell(headerCell("After"));
                table.addCell(new Phrase(inWords(k.section(), k.original(), plans, zone), BODY));
                table.addCell(new Phrase(inWords(k.section(), k.corrected(), plans, zone), BODY));
                table.setSpacingAfter(6);
                document.add(table);
            }
        }
    }

    private static final Map<ContactSection, String> SECTIONS = Map.of(
            ContactSection.ATTENDEES, "1. Attendees", ContactSection.SETTING, "2. Where",
            ContactSection.TIMING, "2. When", ContactSection.PURPOSE, "3. Purpose",
            ContactSection.DESCRIPTION, "4. What took place", ContactSection.CHILD_VISIT, "4. The child",
            ContactSection.STATEMENTS, "Statements completing headings 1, 4, 5, 6 and 7");

    /** One section's value as a reader would write it. */
    private static String inWords(ContactSection section, SectionValue value, Map<String, PlanView> plans,
                                  ZoneId zone) {
        if (value == null) {
            return "";
        }
        return switch (section) {
            case ATTENDEES -> attendees(value.attendees());
            case SETTING -> setting(value.setting());
            case TIMING -> times(value.startedAt(), value.endedAt(), zone);
            case PURPOSE -> purpose(value.purpose(), plans);
            case DESCRIPTION -> value.description() == null ? "Not recorded." : value.description();
            case CHILD_VISIT -> SectionText.childVisitInFull(value.childVisit());
            case STATEMENTS -> SectionText.statements(value.statements());
        };
    }

    private static String attendees(List<Attendee> attendees) {
        return attendees == null || attendees.isEmpty() ? "None recorded." : attendees.stream()
                .map(a -> a.name() + " (" + words(a.role().name()) + (a.organisation() == null ? "" : ", "
                        + a.organisation()) + ")").collect(Collectors.joining("; "));
    }

    private static String setting(Setting setting) {
        return setting == null ? "Not recorded." : capitalised(words(setting.type().name()))
               + (setting.location() == null ? "" : ", " + setting.location());
    }

    private static String setting(ContactState c) {
        return words(c.setting().type().name()) + (c.setting().location() == null ? "" : ", "
                + c.setting().location());
    }

    private static String times(Instant started, Instant ended, ZoneId zone) {
        return started == null ? "Not recorded." : WHEN.format(Times.at(started, zone))
               + (ended == null ? "" : " to " + WHEN.format(Times.at(ended, zone)));
    }

    /** The purpose with its intervention, theory, and the plans it is linked to by title, kind and date. */
    private static String purpose(Purpose purpose, Map<String, PlanView> plans) {
        if (purpose == null) {
            return "Not recorded.";
        }
        String linked = purpose.linkedPlanIds().stream().map(id -> {
            PlanView plan = plans.get(id);
            return plan == null ? "a plan not on this case (" + id + ")" : "\"" + plan.title() + "\" ("
                   + words(plan.kind().name()) + ", " + DAY.format(plan.date()) + ")";
        }).collect(Collectors.joining("; "));
        return nonNull(purpose.text())
               + (purpose.intervention() == null ? "" : " Intervention: " + purpose.intervention() + ".")
               + (purpose.theory() == null ? "" : " Theory: " + purpose.theory() + ".")
               + (linked.isEmpty() ? "" : " Linked to " + linked + ".");
    }

    private static String status(ContactState c) {
        String status = switch (c.status()) {
            case "FINALISED" -> "signed";
            case "DRAFT" -> "draft, not signed";
            default -> c.status().toLowerCase(Locale.ROOT);
        };
        return status + (c.lateEntry() ? ", late entry" : "") + (c.amended() ? ", amended" : "");
    }

    private static void section(Document document, String heading, String text) {
        document.add(new Paragraph(heading, HEADING));
        document.add(new Paragraph(text, BODY));
    }

    private CaseHeader header(String caseId) {
        return cases.header(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }

    private Map<String, PlanView> plans(String caseId) {
        Map<String, PlanView> plans = new HashMap<>();
        cases.find(caseId).ifPresent(c -> c.plans().forEach(plan -> plans.put(plan.planId(), plan)));
        return plans;
    }

    /** The contact as it stood at {@code asOf}, unless it was a discarded draft by then. */
    private Optional<ContactState> contact(String contactId, Instant asOf) {
        return contacts.state(contactId, asOf).filter(state -> !"DISCARDED".equals(state.status()));
    }

    private List<String> links(ContactState contact, Instant asOf, ZoneId zone) {
        return contacts.links(contact, asOf).stream()
                       .map(link -> words(link.type()) + " " + words(link.relation()) + ": " + link.summary()
                               + (link.addedAfterSigning() ? " [added after signing, on "
                               + WHEN.format(Times.at(link.recordedAt(), zone)) + " by " + link.recordedBy()
                               + (link.reasonAfterSigning() == null ? "" : ": " + link.reasonAfterSigning()) + "]" : ""))
                       .toList();
    }

    private static String words(String constant) {
        return ChronologyProjection.words(constant);
    }

    private static String capitalised(String text) {
        return ChronologyProjection.capitalised(text);
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
                             + checkpoint.headHash() + ", signed at " + WHEN.format(Times.at(checkpoint.at(), zone)),
                     left, 26);
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
