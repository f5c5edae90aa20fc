package org.dudao.load;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The limits an {@code .xlsx} (a zip of XML parts) must keep to before any part is read: they stop a
 * "zip bomb", a small file that inflates to gigabytes. POI holds them JVM-wide, so any library on the
 * class path may change them (drools-decisiontables, for one, lowers the inflate ratio); the loader
 * therefore sets its own values again before every workbook it opens rather than trusting the defaults.
 */
public final class ZipLimits {
    /**
     * Compressed size over inflated size below which a part is taken as a bomb: 1:100. Real sheet XML
     * compresses 1:5 to 1:30; thousands of identical rows can reach 1:60.
     */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Parts smaller than this are not ratio-checked (POI's default grace size). */
    public static final long GRACE_ENTRY_SIZE = 100 * 1024;
    /** Largest inflated part: 1 GiB, more than a full 1,048,576-row sheet of a few columns needs. */
    public static final long MAX_ENTRY_SIZE = 1L << 30;
    /** Most parts in one workbook: a workbook has a few dozen; 1000 leaves room for many sheets. */
    public static final long MAX_FILE_COUNT = 1000;

    private ZipLimits() {}

    /** Sets the limits; called before each workbook is opened. */
    public static void apply() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setGraceEntrySize(GRACE_ENTRY_SIZE);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
    }
}
