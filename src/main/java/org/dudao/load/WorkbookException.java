package org.dudao.load;

/** A workbook that cannot be read at all (not a workbook, truncated, encrypted): the message says why, in Chinese. */
public final class WorkbookException extends Exception {
    private final String file;

    public WorkbookException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public String getFile() { return file; }

    /** {@code 无法读取工作簿 FILE：WHY}, the form a workbook that cannot be read is reported in. */
    public String describe() {
        return "无法读取工作簿 " + file + "：" + getMessage();
    }
}
