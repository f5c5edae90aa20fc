package org.dudao.history;

/** The history database could not be opened, migrated, read or written; the message says why, in Chinese. */
public final class HistoryException extends Exception {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
