package org.dudao.model;

/**
 * The reconciliation of one sheet: every data row read is accepted, skipped (a 合计 or 注 row) or
 * rejected (with a problem naming its cell): {@code read == accepted + skipped + rejected}.
 */
public final class SheetTally {
    private final String file;
    private final String sheet;
    private final String kind;
    private int read;
    private int accepted;
    private int skipped;
    private int rejected;
    private int blank;
    private boolean hidden;

    public SheetTally(String file, String sheet, String kind) {
        this.file = file;
        this.sheet = sheet;
        this.kind = kind;
    }

    public void accepted() { read++; accepted++; }
    public void skipped() { read++; skipped++; }
    public void rejected() { read++; rejected++; }
    public void blank() { blank++; }
    /** The sheet is hidden in Excel, and rows of it were taken. */
    public void hidden() { hidden = true; }

    public String getFile() { return file; }
    public String getSheet() { return sheet; }
    /** What the sheet was recognised as: 地区表, 学校表, 班级表, 参数表, or 未识别. */
    public String getKind() { return kind; }
    public int getRead() { return read; }
    public int getAccepted() { return accepted; }
    public int getSkipped() { return skipped; }
    public int getRejected() { return rejected; }
    public int getBlank() { return blank; }
    public boolean isHidden() { return hidden; }

    public boolean balances() { return read == accepted + skipped + rejected; }
}
