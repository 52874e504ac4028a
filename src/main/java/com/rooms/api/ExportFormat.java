package com.rooms.api;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

import com.rooms.history.ArchivedMessage;
import com.rooms.history.ChatMessage;

/**
 * The formats of {@code GET /api/rooms/{id}/messages/export}.
 *
 * <p>NDJSON: one message object a line, as in the messages call with
 * {@code cleared}. CSV (RFC 4180, UTF-8): a header line, then
 * {@code message_id,time,user_id,from,to,private,cleared,text}. A CSV cell
 * that starts with {@code = + - @}, a tab or a carriage return is prefixed
 * with {@code '} so that a spreadsheet shows it as text and never runs it as
 * a formula.
 */
enum ExportFormat {
    NDJSON("ndjson", "application/x-ndjson") {
        @Override
        void header(Writer out) {
        }

        @Override
        void write(Writer out, ArchivedMessage m) throws IOException {
            out.write(ApiJson.message(m, true).toString());
            out.write('\n');
        }
    },
    CSV("csv", "text/csv; charset=UTF-8") {
        @Override
        void header(Writer out) throws IOException {
            out.write("message_id,time,user_id,from,to,private,cleared,text\r\n");
        }

        @Override
        void write(Writer out, ArchivedMessage archived) throws IOException {
            ChatMessage m = archived.message();
            out.write(Long.toString(m.id()));
            out.write(',');
            out.write(m.sentAt().toString());
            out.write(',');
            out.write(cell(m.userId()));
            out.write(',');
            out.write(cell(m.displayName()));
            out.write(',');
            out.write(m.toUserId() == null ? "" : cell(m.toUserId()));
            out.write(',');
            out.write(Boolean.toString(m.isPrivate()));
            out.write(',');
            out.write(Boolean.toString(archived.cleared()));
            out.write(',');
            out.write(cell(m.text()));
            out.write("\r\n");
        }
    };

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    abstract void header(Writer out) throws IOException;

    abstract void write(Writer out, ArchivedMessage message) throws IOException;

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<ExportFormat> of(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** One CSV cell: quoted, quotes doubled, formula starts defused. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
