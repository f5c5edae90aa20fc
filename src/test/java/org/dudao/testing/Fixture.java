package org.dudao.testing;

/**
 * The frozen report fixture under {@code src/test/resources/fixture}: the first synthetic sample
 * workbooks and the nine walking-skeleton rules. Tests that check exact report contents use it, so
 * that growing the shipped rules and sample does not move their expectations.
 */
public final class Fixture {
    public static final String DIR = "src/test/resources/fixture";
    public static final String RULES = DIR + "/rules";
    public static final String S2023 = DIR + "/sample-2023.xlsx";
    public static final String S2024 = DIR + "/sample-2024.xlsx";

    private Fixture() {}
}
