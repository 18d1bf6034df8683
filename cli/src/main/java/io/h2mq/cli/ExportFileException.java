package io.h2mq.cli;

import java.io.IOException;

/** A file given to {@code import} is not an h2mq export file, or one of an unknown version, or is cut short. */
final class ExportFileException extends IOException {
    private static final long serialVersionUID = 1L;

    ExportFileException(String message) {
        super(message);
    }

    ExportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
