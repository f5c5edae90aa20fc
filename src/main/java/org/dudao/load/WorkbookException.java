package org.dudao.load;

/** A workbook that cannot be read at all (not a workbook, truncated, encrypted): the message says why, in Chinese. */
public final class WorkbookException extends Exception {
    private final String file;

    public WorkbookException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public String getFile() { return file; }
}
