package org.dudao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** The 差异系数 of the county balance standard (教督〔2017〕6号): schools weighted by their pupils. */
public final class WeightedCv {
    private WeightedCv() {}

    /**
     * The enrolment-weighted coefficient of variation of rows {resource, pupils}: null when the
     * total resource is 0. Public for the benchmarks' hand-written baseline.
     */
    public static BigDecimal of(List<BigDecimal[]> rows) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal res = BigDecimal.ZERO, pupils = BigDecimal.ZERO;
        for (BigDecimal[] r : rows) { res = res.add(r[0]); pupils = pupils.add(r[1]); }
        if (res.signum() == 0 || pupils.signum() == 0) return null;
        BigDecimal mean = res.divide(pupils, mc);
        BigDecimal var = BigDecimal.ZERO;
        for (BigDecimal[] r : rows) {
            BigDecimal xi = r[0].divide(r[1], mc);
            BigDecimal d = xi.subtract(mean);
            var = var.add(r[1].divide(pupils, mc).multiply(d.multiply(d, mc), mc), mc);
        }
        return var.sqrt(mc).divide(mean, mc);
    }
}
