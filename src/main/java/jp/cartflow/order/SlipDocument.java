package jp.cartflow.order;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One A4 slip being written top to bottom, left-aligned, with one embedded Japanese font (a subset of it: only
 * the glyphs used end up in the file). The cursor moves down; whatever does not fit goes on a new page, and a
 * table broken across pages repeats its header. Each page gets a footer with the title, the order number and
 * "page n / total". Text the font cannot draw (a character outside IPAex, a control character) prints as 〓
 * rather than failing the request.
 */
final class SlipDocument implements AutoCloseable {

    static final float LEFT = 42f;
    static final float RIGHT = PDRectangle.A4.getWidth() - 42f;
    private static final float TOP = PDRectangle.A4.getHeight() - 48f;
    private static final float BOTTOM = 60f;
    private static final String SUBSTITUTE = "〓";

    /** A table column: header, width in points and whether its cells are right-aligned (amounts). */
    record Column(String header, float width, boolean right) {
    }

    private final PDDocument pdf = new PDDocument();
    private final PDType0Font font;
    private final String footer;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    SlipDocument(byte[] fontProgram, String title, String footer) {
        this.footer = footer;
        try {
            // subset embedding: only the glyphs used go into the file
            this.font = PDType0Font.load(pdf, new RandomAccessReadBuffer(fontProgram), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("the slip font cannot be read", e);
        }
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("cartflow");
        newPage();
    }

    PDType0Font font() {
        return font;
    }

    /** Starts a new page, the cursor at its top. */
    void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(pdf, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes room for {@code height} points, on a new page when this one is too full; true when it broke. */
    boolean room(float height) {
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    void gap(float points) {
        y -= points;
    }

    /** A heading line (the slip's title is one, bigger). */
    void heading(String text, float size) {
        List<String> lines = wrap(text, size, RIGHT - LEFT);
        for (int i = 0; i < lines.size(); i++) {
            room(size + 6);
            y -= size;
            draw(LEFT, y, size, lines.get(i));
            y -= i == lines.size() - 1 ? 6 : 3;
        }
    }

    /** A section title with a rule under it. */
    void section(String text) {
        room(40);
        y -= 8;
        heading(text, 11);
        rule(LEFT, RIGHT, 0.6f);
        y -= 4;
    }

    /** One line of plain text, wrapped to the page width. */
    void text(String text, float size) {
        for (String line : wrap(text, size, RIGHT - LEFT)) {
            room(size + 4);
            y -= size + 2;
            draw(LEFT, y, size, line);
            y -= 2;
        }
    }

    /** "label  value" with the values of one block aligned at {@code valueX}, the value wrapped. */
    void labelled(String label, String value, float size, float valueX) {
        List<String> lines = wrap(value, size, RIGHT - LEFT - valueX);
        room((size + 4) * lines.size());
        for (int i = 0; i < lines.size(); i++) {
            y -= size + 2;
            if (i == 0) {
                draw(LEFT, y, size, label);
            }
            draw(LEFT + valueX, y, size, lines.get(i));
            y -= 2;
        }
    }

    /** A table header row; returns the columns so rows can be written under it. */
    void tableHeader(List<Column> columns, float size) {
        room(size * 3 + 8);
        rule(LEFT, RIGHT, 0.6f);
        y -= size + 4;
        float x = LEFT;
        for (Column c : columns) {
            cell(c, x, c.header(), size);
            x += c.width();
        }
        y -= 4;
        rule(LEFT, RIGHT, 0.6f);
    }

    /** A table row: cells wrap inside their column; a row that does not fit starts a new page with the header. */
    void tableRow(List<Column> columns, List<String> cells, float size) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = wrap(cells.get(i), size, columns.get(i).width() - 6);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        if (room((size + 3) * height + 6)) {
            tableHeader(columns, size);
        }
        y -= 3;
        for (int line = 0; line < height; line++) {
            y -= size + 1;
            float x = LEFT;
            for (int i = 0; i < columns.size(); i++) {
                List<String> lines = wrapped.get(i);
                if (line < lines.size()) {
                    cell(columns.get(i), x, lines.get(line), size);
                }
                x += columns.get(i).width();
            }
            y -= 2;
        }
        y -= 3;
        rule(LEFT, RIGHT, 0.2f);
    }

    /** An amount line under the table: label and value right-aligned at the right margin. */
    void amount(String label, String value, float size, float labelX) {
        room(size + 6);
        y -= size + 3;
        draw(labelX, y, size, label);
        draw(RIGHT - 3 - width(value, size), y, size, value);
        y -= 3;
    }

    void rule(float from, float to, float thickness) {
        try {
            out.setLineWidth(thickness);
            out.moveTo(from, y);
            out.lineTo(to, y);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The finished PDF: footers on every page ("page n / total"), then saved. */
    byte[] finish() {
        try {
            out.close();
            out = null;
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream f = new PDPageContentStream(pdf, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String left = printable(footer);
                    String right = (i + 1) + " / " + total;
                    text(f, LEFT, 36, 8, left);
                    text(f, RIGHT - width(right, 8), 36, 8, right);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            pdf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(Column c, float x, String text, float size) {
        if (c.right()) {
            draw(x + c.width() - 3 - width(text, size), y, size, text);
        } else {
            draw(x + 3, y, size, text);
        }
    }

    private void draw(float x, float atY, float size, String text) {
        try {
            text(out, x, atY, size, printable(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDPageContentStream stream, float x, float atY, float size, String printable) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(printable);
        stream.endText();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks text into lines no wider than {@code width} (by character: Japanese has no spaces to break at). */
    List<String> wrap(String text, float size, float width) {
        String s = printable(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && width(line + ch, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text as the font can draw it: control characters become spaces, missing glyphs 〓. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.isWhitespace(cp)) {
                b.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::canDraw)) {
                b.appendCodePoint(cp);
            } else {
                b.append(SUBSTITUTE);
            }
        });
        return b.toString();
    }

    private boolean canDraw(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
